package dev.camelgateway.management;

import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import javax.management.ObjectName;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Jolokia's access policy ({@code management.endpoint.jolokia.config.restrictorClass}), on top of the login that
 * Spring Security already required (and {@link SameOriginFilter}: no cross-origin caller). POST only. Operators read (read, list, search,
 * version); only admins exec or write, and only on an allow-list of domains. Never, for anyone: the JVM's
 * code-loading and dump MBeans, and the Camel operations that send to an endpoint URI (which can write files, read
 * files, reach the network) or replace routes. Read-only operations Hawtio's views need are allowed to operators.
 */
public class JolokiaAccessPolicy implements Restrictor {
    /** Hidden from list and search, and refused to everyone: they load agents, dump the heap or record the JVM. */
    private static final Set<String> FORBIDDEN_MBEANS = Set.of(
            "com.sun.management:type=DiagnosticCommand",
            "com.sun.management:type=HotSpotDiagnostic",
            "jdk.management.jfr:type=FlightRecorder");
    /** Domains whose operations an admin may call (restart a route, reset statistics, change a log level, gc). */
    private static final Set<String> ADMIN_EXEC_DOMAINS = Set.of(
            "org.apache.camel", "java.lang", "java.util.logging", "ch.qos.logback.classic", "jolokia", "hawtio");
    /** Camel operations that send to, or create, an arbitrary endpoint, evaluate an expression, or replace routes. */
    private static final Pattern CAMEL_FORBIDDEN_OPERATION = Pattern.compile(
            "(send|request|evaluate|addOrUpdate|update|add|create|set|remove).*|.*(FromXml|FromYaml)");
    /** The Camel debugger evaluates expressions and edits messages in flight: no exec or write at all. */
    private static final String CAMEL_DEBUGGER = "BacklogDebugger";
    /** Camel MBean types whose {@code dump*} operations Hawtio's route views read (definitions and statistics). */
    private static final Set<String> CAMEL_DUMP_TYPES = Set.of("context", "routes", "processors");
    /** JVM attributes that carry the command line and system properties, where deployments sometimes put secrets. */
    private static final Set<String> RUNTIME_SECRET_ATTRIBUTES = Set.of("InputArguments", "SystemProperties");

    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        return method == HttpMethod.POST; // a GET is what an <img> or a link can send cross-site
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        switch (type) {
            case READ:
            case LIST:
            case SEARCH:
            case VERSION:
                return true;
            case EXEC: // checked again per operation: operators may call Hawtio's read helpers
                return true;
            case WRITE:
                return isAdmin();
            default:
                return false; // config, notification
        }
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        if (forbidden(name)) {
            return false;
        }
        return !("java.lang:type=Runtime".equals(name.getCanonicalName()) && RUNTIME_SECRET_ATTRIBUTES.contains(attribute));
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        return isAdmin() && adminMayChange(name, "set" + attribute);
    }

    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        String op = operation.contains("(") ? operation.substring(0, operation.indexOf('(')) : operation;
        if (readOnlyHelper(name, op)) {
            return true;
        }
        return isAdmin() && adminMayChange(name, op);
    }

    /**
     * Operations that only read, which Hawtio's views call for every logged-in user: its own security and tree
     * helpers, and Camel's route definition and statistics dumps (never the tracer's, which hold message bodies).
     */
    private static boolean readOnlyHelper(ObjectName name, String op) {
        if ("hawtio".equals(name.getDomain())) {
            return op.equals("canInvoke") || op.equals("getCounter") || op.equals("list");
        }
        return "org.apache.camel".equals(name.getDomain()) && CAMEL_DUMP_TYPES.contains(name.getKeyProperty("type"))
                && op.startsWith("dump");
    }

    private static boolean adminMayChange(ObjectName name, String op) {
        if (forbidden(name) || !ADMIN_EXEC_DOMAINS.contains(name.getDomain())) {
            return false;
        }
        if ("org.apache.camel".equals(name.getDomain())) {
            return !CAMEL_DEBUGGER.equals(name.getKeyProperty("name")) && !CAMEL_FORBIDDEN_OPERATION.matcher(op).matches();
        }
        return true;
    }

    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        return true; // who may connect is the management port's address and Spring Security's login
    }

    @Override
    public boolean isOriginAllowed(String origin, boolean strictCheck) {
        // SameOriginFilter already refused every management request whose Origin is not the port's own; the rest
        // (Hawtio in the browser, curl with no Origin) may call
        return true;
    }

    @Override
    public boolean isObjectNameHidden(ObjectName name) {
        return forbidden(name);
    }

    private static boolean forbidden(ObjectName name) {
        return FORBIDDEN_MBEANS.contains(name.getCanonicalName())
                || FORBIDDEN_MBEANS.contains(name.getDomain() + ":type=" + name.getKeyProperty("type"));
    }

    private static boolean isAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (ManagementSecurity.ADMIN_AUTHORITY.equals(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
