package io.github.cwmarketing.whatsapp.support;

import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresTest {

    @Test
    void aRealPostgreSql17Answers() throws Exception {
        try (Connection connection = EmbeddedPostgres.dataSource().getConnection();
             ResultSet result = connection.createStatement().executeQuery("SHOW server_version")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).startsWith("17.");
        }
    }
}
