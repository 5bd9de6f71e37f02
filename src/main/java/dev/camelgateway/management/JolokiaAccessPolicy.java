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
 * version); only admins exec or write, and only an allow-list of operations. Never, for anyone: the JVM's
 * code-loading and dump MBeans, and the Camel operations that send to an endpoint URI (which can write files, read
 * files, reach the network) or replace routes. Read-only operations Hawtio's views need are allowed to operators.
 */
public class JolokiaAccessPolicy implements Restrictor {
    /** Hidden from list and search, and refused to everyone: they load agents, dump the heap or record the JVM. */
    private static final Set<String> FORBIDDEN_MBEANS = Set.of(
            "com.sun.management:type=DiagnosticCommand",
            "com.sun.management:type=HotSpotDiagnostic",
            "jdk.management.jfr:type=FlightRecorder");
    /**
     * What an admin may call, by domain: an allow-list, because a deny-list missed Camel's {@code canSendToEndpoint},
     * which builds any endpoint URI and so runs code (a {@code #class:…#method(…)} option). Camel: start, stop,
     * suspend, resume, restart or reset a route or the context, and move a circuit breaker; the JVM: gc, thread
     * dumps, peak resets; log levels; Jolokia's own bookkeeping.
     */
    private static final Pattern CAMEL_ADMIN_OPERATION = Pattern.compile(
            "start|stop|suspend|resume|restart|reset|startAllRoutes|stopAndFail|transitionTo[A-Za-z]*State");
    private static final Set<String> LOG_LEVEL_OPERATIONS = Set.of("getLoggerLevel", "setLoggerLevel",
            "getLoggerEffectiveLevel", "getParentLoggerName");
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
                return false; // config (Jolokia does not ask about notifications: their backends are left out, pom.xml)
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
            // not RBACRegistry.list: it lists every MBean, the hidden ones too
            return op.equals("canInvoke") || op.equals("getCounter");
        }
        return "org.apache.camel".equals(name.getDomain()) && CAMEL_DUMP_TYPES.contains(name.getKeyProperty("type"))
                && op.startsWith("dump");
    }

    private static boolean adminMayChange(ObjectName name, String op) {
        if (forbidden(name)) {
            return false;
        }
        switch (name.getDomain()) {
            case "org.apache.camel":
                return !"tracer".equals(name.getKeyProperty("type")) && CAMEL_ADMIN_OPERATION.matcher(op).matches();
            case "java.lang":
            case "jolokia":
                return true;
            case "java.util.logging":
            case "ch.qos.logback.classic": // not reloadByURL/reloadByFileName: a logging config can write any file
                return LOG_LEVEL_OPERATIONS.contains(op);
            default:
                return false;
        }
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
