package dev.camelgateway.usage;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/**
 * The {@code team} tag of cost metrics: a team declared in configuration ({@code gateway.auth.teams.<id>}) keeps its
 * id, a caller without a team is {@value #NONE}, any other team (one made through /admin, say) is
 * {@value MetricTags#OTHER}, so the tag has no more values than the configuration has teams. Read from the
 * environment itself, not through the keys package's properties, so that metering does not depend on how auth binds.
 */
@Component
public class TeamTags {
    public static final String NONE = "none";
    private final Set<String> declared;

    public TeamTags(Environment environment) {
        this.declared = Set.copyOf(Binder.get(environment).bind("gateway.auth.teams", Bindable.mapOf(String.class, Object.class))
                .map(Map::keySet).orElse(Set.of()));
    }

    public String team(String team) {
        if (team == null) {
            return NONE;
        }
        return declared.contains(team) ? team : MetricTags.OTHER;
    }
}
