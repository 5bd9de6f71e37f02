package dev.camelgateway.usage;

import dev.camelgateway.keys.AuthProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TeamTagsTest {

    @Test
    void onlyTeamsDeclaredInConfigurationKeepTheirId() {
        TeamTags tags = new TeamTags(auth("research", "ops"));

        assertThat(tags.team("research")).isEqualTo("research");
        assertThat(tags.team("ops")).isEqualTo("ops");
        assertThat(tags.team("made-through-admin")).isEqualTo(MetricTags.OTHER);
        assertThat(tags.team(null)).as("no key, or a key without a team").isEqualTo(TeamTags.NONE);
    }

    @Test
    void withoutDeclaredTeamsEveryTeamIsOther() {
        TeamTags tags = new TeamTags(auth());

        assertThat(tags.team("research")).isEqualTo(MetricTags.OTHER);
        assertThat(tags.team(null)).isEqualTo(TeamTags.NONE);
    }

    static AuthProperties auth(String... teams) {
        AuthProperties auth = new AuthProperties();
        for (String team : teams) {
            auth.getTeams().put(team, new AuthProperties.DeclaredTeam());
        }
        return auth;
    }
}
