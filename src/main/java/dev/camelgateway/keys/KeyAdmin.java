package dev.camelgateway.keys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelgateway.api.Bounded;
import dev.camelgateway.api.GatewayException;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /admin/keys}: list, read, make, change, rotate and delete gateway keys (routes/admin.camel.yaml). Keys made
 * here live in the database, hashed; keys declared in configuration are listed too and read-only here (409). Every
 * change refreshes the {@link KeyRegistry} at once: it holds on this instance for the next request, and on the others
 * within {@code gateway.auth.refresh-interval}. Who may call what is ManagementSecurity's: operators read, admins change.
 */
@Component("keyAdmin")
public class KeyAdmin {
    private final KeyRepository repository;
    private final KeyRegistry registry;
    private final Clock clock;

    public KeyAdmin(KeyRepository repository, KeyRegistry registry, Clock clock) {
        this.repository = repository;
        this.registry = registry;
        this.clock = clock;
    }

    /** Configured keys first (by id), then the database's (oldest first); never a secret or a hash. */
    public void list(Exchange exchange) {
        List<KeyView> keys = new ArrayList<>();
        registry.keysById().values().stream().filter(key -> key.source() == GatewayKey.Source.CONFIG)
                .sorted(Comparator.comparing(GatewayKey::id)).map(KeyView::of).forEach(keys::add);
        repository.keys().stream().map(KeyView::of).forEach(keys::add);
        AdminAnswers.json(exchange, 200, new AdminAnswers.ListOf<>(keys));
    }

    public void get(Exchange exchange) {
        String id = id(exchange);
        GatewayKey configured = configured(id);
        AdminAnswers.json(exchange, 200, configured != null ? KeyView.of(configured) : KeyView.of(stored(id)));
    }

    /** 201 with the key and its secret, which is shown this once. */
    public void create(Exchange exchange) {
        ObjectNode body = AdminBodies.object(AdminAnswers.body(exchange));
        AdminBodies.requireOnly(body, KeyFields.NAMES);
        KeyFields fields = checked(AdminBodies.read(body, KeyFields.class), null);
        String secret = KeySecrets.newSecret();
        Instant now = now();
        KeyRepository.StoredKey stored = new KeyRepository.StoredKey(fields.toKey(KeySecrets.newId()),
                KeySecrets.hash(secret), KeySecrets.hint(secret), now, now);
        repository.insert(stored);
        RegistryRefresh.afterChange(registry);
        AdminAnswers.json(exchange, 201, Map.of("Location", "/admin/keys/" + stored.key().id()),
                KeyView.of(stored).withSecret(secret));
    }

    /** A JSON merge patch (RFC 7396) of the key's fields: {@code {"enabled":false}}, {@code {"team":null}}. */
    public void update(Exchange exchange) {
        String id = id(exchange);
        refuseConfigured(id);
        GatewayKey current = stored(id).key();
        ObjectNode patch = AdminBodies.object(AdminAnswers.body(exchange));
        AdminBodies.requireOnly(patch, KeyFields.NAMES);
        ObjectNode merged = AdminBodies.merge(KeyJson.MAPPER.valueToTree(KeyFields.of(current)), patch);
        KeyFields fields = checked(AdminBodies.read(merged, KeyFields.class), current.team());
        if (!repository.update(fields.toKey(id), now())) {
            throw notFound(id);
        }
        RegistryRefresh.afterChange(registry);
        AdminAnswers.json(exchange, 200, KeyView.of(stored(id)));
    }

    /** A new secret, shown this once; the old one is refused from now on. */
    public void rotate(Exchange exchange) {
        String id = id(exchange);
        refuseConfigured(id);
        String secret = KeySecrets.newSecret();
        if (!repository.rotate(id, KeySecrets.hash(secret), KeySecrets.hint(secret), now())) {
            throw notFound(id);
        }
        RegistryRefresh.afterChange(registry);
        AdminAnswers.json(exchange, 200, KeyView.of(stored(id)).withSecret(secret));
    }

    /** 204; the ledger's rows keep the key's id. */
    public void delete(Exchange exchange) {
        String id = id(exchange);
        refuseConfigured(id);
        if (!repository.deleteKey(id)) {
            throw notFound(id);
        }
        RegistryRefresh.afterChange(registry);
        AdminAnswers.noContent(exchange);
    }

    /** The checks of every field, and that the team exists when it is new to the key. */
    private KeyFields checked(KeyFields fields, String currentTeam) {
        AdminChecks.check(fields);
        String team = fields.team();
        if (team != null && !team.equals(currentTeam) && registry.team(team) == null && repository.team(team).isEmpty()) {
            throw GatewayException.badRequest("Unknown team '" + Bounded.of(team) + "': make it first (POST /admin/teams) "
                    + "or declare it under gateway.auth.teams.", "team", "unknown_team");
        }
        return fields;
    }

    private GatewayKey configured(String id) {
        GatewayKey key = registry.byId(id);
        return key != null && key.source() == GatewayKey.Source.CONFIG ? key : null;
    }

    private void refuseConfigured(String id) {
        if (configured(id) != null) {
            throw AdminAnswers.conflict("The gateway key '" + id + "' is declared in configuration (gateway.auth.keys."
                    + id + "): change it there and restart; only keys made through /admin change here.",
                    "key_in_configuration");
        }
    }

    private KeyRepository.StoredKey stored(String id) {
        return repository.key(id).orElseThrow(() -> notFound(id));
    }

    private static String id(Exchange exchange) {
        String id = AdminAnswers.pathParameter(exchange, "id");
        if (!KeyIds.valid(id)) {
            throw AdminAnswers.notFound("No gateway key '" + Bounded.of(Objects.toString(id, "")) + "'.", "id");
        }
        return id;
    }

    private static GatewayException notFound(String id) {
        return AdminAnswers.notFound("No gateway key '" + id + "'.", "id");
    }

    /** As the database keeps it (microseconds), so that an answer and a later read agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
