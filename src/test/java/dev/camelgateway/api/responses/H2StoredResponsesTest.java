package dev.camelgateway.api.responses;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;

/** {@link StoredResponsesContract} on the embedded H2 the gateway uses by default. */
class H2StoredResponsesTest extends StoredResponsesContract {
    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource("jdbc:h2:mem:stored_responses;DB_CLOSE_DELAY=-1", "sa", "");
    }
}
