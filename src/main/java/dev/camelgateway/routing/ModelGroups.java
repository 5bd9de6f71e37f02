package dev.camelgateway.routing;

import dev.camelgateway.resilience.ProviderInfrastructure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spreads an alias's requests over the deployments of its {@code group} by weight: smooth weighted round-robin (nginx's
 * upstream algorithm), so weights 3:1 give three to one in every four requests, interleaved, with no random bursts.
 * A deployment whose circuit breaker is open takes no share: its requests go to the others. Each instance of the
 * gateway spreads its own requests.
 */
@Component
public class ModelGroups {
    private final GatewayProperties properties;
    private final ProviderInfrastructure infrastructure;
    private final Map<String, RoundRobin> groups = new ConcurrentHashMap<>();

    public ModelGroups(GatewayProperties properties, ProviderInfrastructure infrastructure) {
        this.properties = properties;
        this.infrastructure = infrastructure;
    }

    /**
     * The group's targets in the order to try them: the one whose turn it is first, then the others by weight, those
     * with an open breaker last (a fallback-allowing failure moves on to the next, then to the alias's fallbacks).
     */
    public List<String> order(String alias) {
        List<GatewayProperties.GroupMember> members = properties.getModels().get(alias).getGroup();
        boolean[] open = new boolean[members.size()];
        for (int i = 0; i < open.length; i++) {
            open[i] = breakerOpen(deploymentOf(members.get(i).getTarget()));
        }
        int first = groups.computeIfAbsent(alias, a -> new RoundRobin(members)).next(open);
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (i != first) {
                rest.add(i);
            }
        }
        rest.sort(Comparator.<Integer, Boolean>comparing(i -> open[i]).thenComparing(i -> -members.get(i).getWeight()));
        List<String> order = new ArrayList<>();
        order.add(members.get(first).getTarget());
        rest.forEach(i -> order.add(members.get(i).getTarget()));
        return order;
    }

    private boolean breakerOpen(String deployment) {
        return infrastructure.breakers().find(deployment).map(CircuitBreaker::getState)
                .map(state -> state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN).orElse(false);
    }

    private static String deploymentOf(String target) {
        return target.substring(0, target.indexOf('/'));
    }

    /** Smooth weighted round-robin over the members that are not skipped. */
    static final class RoundRobin {
        private final int[] weights;
        private final long[] current;

        RoundRobin(List<GatewayProperties.GroupMember> members) {
            weights = members.stream().mapToInt(GatewayProperties.GroupMember::getWeight).toArray();
            current = new long[weights.length];
        }

        /** The next member's index; members marked in {@code skip} get no turn (unless all are marked). */
        synchronized int next(boolean[] skip) {
            boolean allSkipped = true;
            for (boolean s : skip) {
                allSkipped &= s;
            }
            int best = -1;
            long total = 0;
            for (int i = 0; i < weights.length; i++) {
                if (skip[i] && !allSkipped) {
                    continue;
                }
                current[i] += weights[i];
                total += weights[i];
                if (best < 0 || current[i] > current[best]) {
                    best = i;
                }
            }
            current[best] -= total;
            return best;
        }
    }
}
