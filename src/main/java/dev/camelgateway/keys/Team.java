package dev.camelgateway.keys;

import dev.camelgateway.quota.Limits;

/** A team: the owner of keys, whose limits and budgets all its keys share. */
public record Team(String id, String name, Limits limits, GatewayKey.Source source) {
    public Team {
        limits = limits == null ? Limits.NONE : limits;
    }
}
