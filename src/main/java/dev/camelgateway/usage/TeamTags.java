package dev.camelgateway.usage;

import dev.camelgateway.keys.AuthProperties;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * The {@code team} tag of cost metrics: a team declared in configuration ({@code gateway.auth.teams.<id>}) keeps its
 * id, a caller without a team is {@value #NONE}, any other team (one made through /admin/teams, say) is
 * {@value MetricTags#OTHER}, so the tag has no more values than the configuration has teams.
 */
@Component
public class TeamTags {
    public static final String NONE = "none";
    private final Set<String> declared;

    public TeamTags(AuthProperties auth) {
        this.declared = Set.copyOf(auth.getTeams().keySet());
    }

    public String team(String team) {
        if (team == null) {
            return NONE;
        }
        return declared.contains(team) ? team : MetricTags.OTHER;
    }
}
