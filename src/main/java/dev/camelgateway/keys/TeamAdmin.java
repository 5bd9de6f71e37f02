package dev.camelgateway.keys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.GatewayException;
import org.apache.camel.Exchange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /admin/teams}: list, read, make, change and delete teams (routes/admin.camel.yaml). Teams made here live in
 * the database; teams declared in configuration are listed too and read-only here (409), as is a team that still has
 * keys (409 on delete). Every change refreshes the {@link KeyRegistry}.
 */
@Component("teamAdmin")
public class TeamAdmin {
    private final KeyRepository repository;
    private final KeyRegistry registry;
    private final Clock clock;

    public TeamAdmin(KeyRepository repository, KeyRegistry registry, Clock clock) {
        this.repository = repository;
        this.registry = registry;
        this.clock = clock;
    }

    /** Configured teams first, then the database's, each by id. */
    public void list(Exchange exchange) {
        List<TeamView> teams = new ArrayList<>();
        registry.teams().values().stream().filter(team -> team.source() == GatewayKey.Source.CONFIG)
                .sorted(Comparator.comparing(Team::id)).map(TeamView::of).forEach(teams::add);
        repository.teams().stream().filter(team -> configured(team.id()) == null).map(TeamView::of).forEach(teams::add);
        AdminAnswers.json(exchange, 200, new AdminAnswers.ListOf<>(teams));
    }

    public void get(Exchange exchange) {
        String id = id(exchange);
        Team configured = configured(id);
        AdminAnswers.json(exchange, 200, TeamView.of(configured != null ? configured : stored(id)));
    }

    public void create(Exchange exchange) {
        ObjectNode body = AdminBodies.object(AdminAnswers.body(exchange));
        AdminBodies.requireOnly(body, TeamFields.NAMES);
        TeamFields fields = AdminBodies.read(body, TeamFields.class);
        AdminChecks.check(fields);
        Team team = fields.toTeam();
        if (configured(team.id()) != null || repository.team(team.id()).isPresent()) {
            throw exists(team.id());
        }
        try {
            repository.insert(team, clock.instant());
        } catch (DuplicateKeyException e) {
            throw exists(team.id()); // made by another admin in the meantime
        }
        RegistryRefresh.afterChange(registry);
        AdminAnswers.json(exchange, 201, Map.of("Location", "/admin/teams/" + team.id()), TeamView.of(team));
    }

    /** A JSON merge patch (RFC 7396) of the name and limits: {@code {"limits":{"rpm":600}}}. */
    public void update(Exchange exchange) {
        String id = id(exchange);
        refuseConfigured(id);
        Team current = stored(id);
        ObjectNode patch = AdminBodies.object(AdminAnswers.body(exchange));
        AdminBodies.requireOnly(patch, TeamFields.PATCHABLE);
        TeamFields fields = AdminBodies.read(AdminBodies.merge(KeyJson.MAPPER.valueToTree(TeamFields.of(current)), patch),
                TeamFields.class);
        AdminChecks.check(fields);
        if (!repository.update(fields.toTeam())) {
            throw notFound(id);
        }
        RegistryRefresh.afterChange(registry);
        AdminAnswers.json(exchange, 200, TeamView.of(stored(id)));
    }

    /** 204; 409 while keys belong to the team (the ledger's rows keep its id). */
    public void delete(Exchange exchange) {
        String id = id(exchange);
        refuseConfigured(id);
        int keys = repository.keysOfTeam(id);
        if (keys > 0) {
            throw AdminAnswers.conflict("The team '" + id + "' still has " + keys + " key(s): move or delete them first.",
                    "team_has_keys");
        }
        if (!repository.deleteTeam(id)) {
            throw notFound(id);
        }
        RegistryRefresh.afterChange(registry);
        AdminAnswers.noContent(exchange);
    }

    private Team configured(String id) {
        Team team = registry.team(id);
        return team != null && team.source() == GatewayKey.Source.CONFIG ? team : null;
    }

    private void refuseConfigured(String id) {
        if (configured(id) != null) {
            throw AdminAnswers.conflict("The team '" + id + "' is declared in configuration (gateway.auth.teams." + id
                    + "): change it there and restart; only teams made through /admin change here.", "team_in_configuration");
        }
    }

    private Team stored(String id) {
        return repository.team(id).orElseThrow(() -> notFound(id));
    }

    private static GatewayException exists(String id) {
        return AdminAnswers.conflict("The team '" + id + "' exists already.", "team_exists");
    }

    private static String id(Exchange exchange) {
        String id = AdminAnswers.pathParameter(exchange, "id");
        if (!KeyIds.valid(id)) {
            throw AdminAnswers.notFound("No team '" + Bounded.of(Objects.toString(id, "")) + "'.", "id");
        }
        return id;
    }

    private static GatewayException notFound(String id) {
        return AdminAnswers.notFound("No team '" + id + "'.", "id");
    }
}
