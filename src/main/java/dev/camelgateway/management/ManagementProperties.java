package dev.camelgateway.management;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Everything under {@code gateway.management.*}: who may log in to the management side; the README explains each key. */
@ConfigurationProperties(prefix = "gateway.management")
public class ManagementProperties {
    private List<Operator> operators = new ArrayList<>();
    private boolean prometheusAnonymous = true;
    private boolean demoOperator = false;

    /** People and tools allowed on Hawtio, Jolokia, the actuator and {@code /admin/*}. None: those are refused to all. */
    public List<Operator> getOperators() {
        return operators;
    }

    public void setOperators(List<Operator> operators) {
        this.operators = operators;
    }

    /** {@code /actuator/prometheus} without credentials (scrapers rarely have any); false: operators only. */
    public boolean isPrometheusAnonymous() {
        return prometheusAnonymous;
    }

    public void setPrometheusAnonymous(boolean prometheusAnonymous) {
        this.prometheusAnonymous = prometheusAnonymous;
    }

    /** {@code make run} only: an {@code admin} with a password made at start-up and printed once. */
    public boolean isDemoOperator() {
        return demoOperator;
    }

    public void setDemoOperator(boolean demoOperator) {
        this.demoOperator = demoOperator;
    }

    /** One login. The password comes from the environment ({@code password: ${OPS_PASSWORD}}) or a file. */
    public static class Operator {
        private String username;
        private String password;
        private Path passwordFile;
        private Role role = Role.OPERATOR;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public Path getPasswordFile() {
            return passwordFile;
        }

        public void setPasswordFile(Path passwordFile) {
            this.passwordFile = passwordFile;
        }

        public Role getRole() {
            return role;
        }

        public void setRole(Role role) {
            this.role = role;
        }

        @Override
        public String toString() { // never print the password
            return "Operator[" + username + ", " + role + "]";
        }
    }

    /** {@code operator}: every read (Hawtio's views, Jolokia read/list/search, metrics, usage); {@code admin}: also changes. */
    public enum Role {
        OPERATOR, ADMIN
    }
}
