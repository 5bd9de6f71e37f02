package dev.camelgateway.provider;

import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.routing.Target;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every {@link ProviderAdapter} bean by its type; a new provider type is a new bean, nothing to edit here. */
@Component
public class ProviderAdapters {
    private final Map<String, ProviderAdapter> byType;

    public ProviderAdapters(List<ProviderAdapter> adapters) {
        this.byType = adapters.stream().collect(Collectors.toMap(ProviderAdapter::type, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("two provider adapters for type " + a.type());
                }, TreeMap::new));
    }

    public ProviderAdapter forType(String type) {
        ProviderAdapter adapter = byType.get(type);
        if (adapter == null) {
            throw new IllegalStateException("unknown provider type '" + type + "'; known types: " + byType.keySet());
        }
        return adapter;
    }

    /**
     * How {@code target} serves the request's API: its type's own binding of it, or null — the Chat Completions
     * translation (Chat Completions itself has no binding: it is the canonical form every adapter speaks).
     */
    public ApiBinding binding(Target target, ClientRequest request) {
        ApiBinding binding = forType(target.type()).binding(request.api().name());
        return binding != null && binding.serves(target) ? binding : null;
    }

    /** Whether a target continues a final assistant message: its {@code prefill}, else its type's default for the model. */
    public boolean prefills(Target target) {
        Boolean configured = target.provider().getPrefill();
        return configured != null ? configured : forType(target.type()).prefillByDefault(target.upstreamModel());
    }

    public boolean has(String type) {
        return byType.containsKey(type);
    }

    public java.util.Set<String> types() {
        return byType.keySet();
    }
}
