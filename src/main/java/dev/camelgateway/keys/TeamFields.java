package dev.camelgateway.keys;

import dev.camelgateway.quota.Limits;

import java.util.Set;

/** What /admin may set on a team: its id once ({@code POST /admin/teams}), then its name and limits. */
record TeamFields(String id, String name, Limits limits) {
    static final Set<String> NAMES = Set.of("id", "name", "limits");
    static final Set<String> PATCHABLE = Set.of("name", "limits");

    static TeamFields of(Team team) {
        return new TeamFields(team.id(), team.name(), team.limits());
    }

    /** Absent name: the id, as for a team in configuration. */
    Team toTeam() {
        return new Team(id, name == null ? id : name, limits, GatewayKey.Source.DATABASE);
    }
}
