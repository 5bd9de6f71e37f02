package dev.camelgateway.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The strict UTF-8 check of request bodies, on the byte sequences that lenient decoders let through. */
class Utf8BodyTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{\"a\":\"plain\"}", "{\"a\":\"é € 😀 中文\"}", "\uFEFF{\"a\":1}", ""})
    void validUtf8Passes(String text) {
        assertThatCode(() -> Utf8Body.requireValid(text.getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
    }

    /** Longer than the decoder's 4,096-character window, with a 4-byte character on every window boundary. */
    @ParameterizedTest(name = "{0} characters")
    @ValueSource(ints = {4095, 4096, 4097, 50_000})
    void validUtf8LongerThanTheDecodeWindowPasses(int length) {
        String text = "😀a".repeat(length / 2) + "é";
        assertThatCode(() -> Utf8Body.requireValid(text.getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "lone 0xFF,                      7b22ff227d,         not UTF-8 at offset 2",
            "lone continuation byte,         7b2280227d,         not UTF-8 at offset 2",
            "overlong slash (C0 AF),         7b22c0af227d,       not UTF-8 at offset 2",
            "overlong NUL (C0 80),           7b22c080227d,       not UTF-8 at offset 2",
            "encoded surrogate (ED A0 80),   7b22eda080227d,     not UTF-8 at offset 2",
            "above U+10FFFF (F4 90 80 80),   7b22f4908080227d,   not UTF-8 at offset 2",
            "truncated at the end (E2 82),   7b22e282,           not UTF-8 at offset 2",
            "UTF-16LE without BOM,           7b002200,           NUL byte at offset 1",
            "UTF-16BE byte order mark,       feff007b,           byte order mark",
            "UTF-16LE byte order mark,       fffe7b00,           byte order mark",
            "UTF-32BE byte order mark,       0000feff0000007b,   byte order mark",
    })
    void invalidUtf8IsRefusedWithItsOffset(String name, String hex, String reason) {
        assertThatThrownBy(() -> Utf8Body.requireValid(HexFormat.of().parseHex(hex)))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.error().code()).isEqualTo("invalid_json");
                    assertThat(e.getMessage()).contains(reason);
                });
    }
}
