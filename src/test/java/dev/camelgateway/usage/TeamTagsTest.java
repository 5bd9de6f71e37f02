package dev.camelgateway.usage;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class TeamTagsTest {

    @Test
    void onlyTeamsDeclaredInConfigurationKeepTheirId() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("gateway.auth.teams.research.name", "Research")
                .withProperty("gateway.auth.teams.research.limits.rpm", "60")
                .withProperty("gateway.auth.teams.ops.name", "Operations");
        TeamTags tags = new TeamTags(environment);

        assertThat(tags.team("research")).isEqualTo("research");
        assertThat(tags.team("ops")).isEqualTo("ops");
        assertThat(tags.team("made-through-admin")).isEqualTo(MetricTags.OTHER);
        assertThat(tags.team(null)).as("no key, or a key without a team").isEqualTo(TeamTags.NONE);
    }

    @Test
    void withoutDeclaredTeamsEveryTeamIsOther() {
        TeamTags tags = new TeamTags(new MockEnvironment());

        assertThat(tags.team("research")).isEqualTo(MetricTags.OTHER);
        assertThat(tags.team(null)).isEqualTo(TeamTags.NONE);
    }
}
