package dev.camelgateway.routing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModelGroupsRoundRobinTest {

    @Test
    void weightsAreHonouredExactlyAndInterleaved() {
        ModelGroups.RoundRobin robin = new ModelGroups.RoundRobin(List.of(member(5), member(1), member(1)));
        StringBuilder picks = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            picks.append(robin.next(new boolean[3]));
        }
        // nginx's smooth weighted round-robin for 5:1:1 — the heavy member never takes more than it must in a row
        assertThat(picks.toString()).isEqualTo("00102000010200");
    }

    @Test
    void aSkippedMemberGetsNoTurnAndTheOthersKeepTheirProportions() {
        ModelGroups.RoundRobin robin = new ModelGroups.RoundRobin(List.of(member(3), member(1), member(1)));
        int[] counts = new int[3];
        for (int i = 0; i < 40; i++) {
            counts[robin.next(new boolean[]{false, true, false})]++;
        }
        assertThat(counts).containsExactly(30, 0, 10);
    }

    @Test
    void whenEveryMemberIsSkippedTheyStillTakeTurns() {
        ModelGroups.RoundRobin robin = new ModelGroups.RoundRobin(List.of(member(1), member(1)));
        assertThat(List.of(robin.next(new boolean[]{true, true}), robin.next(new boolean[]{true, true}))).containsExactly(0, 1);
    }

    private static GatewayProperties.GroupMember member(int weight) {
        GatewayProperties.GroupMember member = new GatewayProperties.GroupMember();
        member.setTarget("d/m");
        member.setWeight(weight);
        return member;
    }
}
