package dev.camelgateway.usage;

import dev.camelgateway.api.Json;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerRowsTest {

    /** H2 gives SUM(50) as 5E+1: the read side printed it so, and clients read a decimal. */
    @Test
    void wholeNumberSumsAreWrittenAsIntegers() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("GRP", "openai");
        row.put("TOTAL_TOKENS", new BigDecimal("5E+1"));
        row.put("PROMPT_TOKENS", new BigDecimal("17"));
        row.put("COST", new BigDecimal("0.25"));

        String json = Json.write(Json.MAPPER.valueToTree(LedgerRepository.lowerCaseKeys(List.of(row))));

        assertThat(json).isEqualTo("[{\"grp\":\"openai\",\"total_tokens\":50,\"prompt_tokens\":17,\"cost\":0.25}]");
    }
}
