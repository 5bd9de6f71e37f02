package dev.camelgateway.keys;

import dev.camelgateway.quota.Limits;

import java.util.Locale;

/** A team as /admin shows it; {@code source}: config (read-only here) or database. */
record TeamView(String id, String name, Limits limits, String source) {
    static TeamView of(Team team) {
        return new TeamView(team.id(), team.name(), team.limits(), team.source().name().toLowerCase(Locale.ROOT));
    }
}
