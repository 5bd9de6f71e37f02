package dev.camelgateway.secrets;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.camelgateway.secrets.SecretRedactor.MASK;
import static org.assertj.core.api.Assertions.assertThat;

class SecretRedactorTest {
    private static final String KEY = "sk-q7Wm2Xp9Lz4Rt8Vb6Nc3";
    private static final String OTHER = "AIza0Hj5Kd1Fs7Gy4Pe2Uw";
    private final SecretRedactor redactor = new SecretRedactor(List.of(KEY, OTHER));

    @Test
    void theWholeKeyIsMasked() {
        assertThat(redactor.redact("Incorrect API key provided: " + KEY + ".")).isEqualTo("Incorrect API key provided: " + MASK + ".");
    }

    @Test
    void anEightCharacterPrefixMiddleOrSuffixIsMasked() {
        assertThat(redactor.redact("key " + KEY.substring(0, 8) + "… is invalid")).isEqualTo("key " + MASK + "… is invalid");
        assertThat(redactor.redact("key …" + KEY.substring(7, 15) + "…")).isEqualTo("key …" + MASK + "…");
        assertThat(redactor.redact("ends in " + KEY.substring(KEY.length() - 8))).isEqualTo("ends in " + MASK);
    }

    @Test
    void aSevenCharacterFragmentIsLeftAlone() {
        String text = "key " + KEY.substring(0, 7) + " and " + KEY.substring(9, 16);
        assertThat(redactor.redact(text)).isSameAs(text);
    }

    @Test
    void aKeyShorterThanTheWindowIsMatchedWholeAndOnlyWhole() {
        SecretRedactor shortKey = new SecretRedactor(List.of("x9Q2z"));
        assertThat(shortKey.redact("key x9Q2z, again x9Q2z")).isEqualTo("key " + MASK + ", again " + MASK);
        assertThat(shortKey.redact("key x9Q2")).isEqualTo("key x9Q2");
    }

    @Test
    void twoKeysInOneTextAreBothMasked() {
        assertThat(redactor.redact("openai " + KEY + " gemini " + OTHER.substring(3, 14) + " done"))
                .isEqualTo("openai " + MASK + " gemini " + MASK + " done");
    }

    @Test
    void aKeyAtTheStartOrTheEndOfTheText() {
        assertThat(redactor.redact(KEY)).isEqualTo(MASK);
        assertThat(redactor.redact(KEY + " leads")).isEqualTo(MASK + " leads");
        assertThat(redactor.redact("trails " + KEY)).isEqualTo("trails " + MASK);
        assertThat(redactor.redact(KEY.substring(0, 8))).isEqualTo(MASK);
    }

    @Test
    void overlappingAndAdjacentRunsBecomeOneMask() {
        // every window of a 14-character fragment matches, each overlapping the next
        assertThat(redactor.redact("[" + KEY.substring(2, 16) + "]")).isEqualTo("[" + MASK + "]");
        // two fragments back to back (no window across their joint is part of the key), and two keys back to back
        assertThat(redactor.redact(KEY.substring(0, 9) + KEY.substring(12, 22) + "!")).isEqualTo(MASK + "!");
        assertThat(redactor.redact(KEY + OTHER)).isEqualTo(MASK);
        // a key that repeats: every occurrence
        assertThat(redactor.redact(KEY + " " + KEY)).isEqualTo(MASK + " " + MASK);
    }

    @Test
    void keysThatShareCharactersOverlapInTheText() {
        SecretRedactor sharing = new SecretRedactor(List.of("AAAAbbbbCCCC", "CCCCddddEEEE"));
        assertThat(sharing.redact("x AAAAbbbbCCCCddddEEEE y")).isEqualTo("x " + MASK + " y");
    }

    @Test
    void unicodeAroundTheKeyIsKeptAndNoSurrogatePairIsSplit() {
        assertThat(redactor.redact("Schlüssel 🔑 " + KEY + " 終わり ✓")).isEqualTo("Schlüssel 🔑 " + MASK + " 終わり ✓");
        String emojiKey = "ab\uD83D\uDD11cdefghij"; // "ab🔑cdefghij"
        SecretRedactor emoji = new SecretRedactor(List.of(emojiKey));
        assertThat(emoji.redact("key: " + emojiKey)).isEqualTo("key: " + MASK);
        // U+1F111 shares 🔑's low surrogate: a window starting at that low surrogate matches, the pair is masked whole
        String redacted = emoji.redact("xx\uD83C\uDD11cdefghij");
        assertThat(redacted).isEqualTo("xx" + MASK);
    }

    @Test
    void emptyAndBlankKeysAreIgnored() {
        SecretRedactor none = new SecretRedactor(Arrays.asList("", null, "   "));
        String text = "nothing to hide here, not even spaces";
        assertThat(none.redact(text)).isSameAs(text);
        assertThat(new SecretRedactor(List.of()).redact(text)).isSameAs(text);
        assertThat(redactor.redact(null)).isNull();
        assertThat(redactor.redact("")).isEmpty();
    }

    @Test
    void aTextWithoutSecretsComesBackUnchanged() {
        String text = "The model 'gpt-4o-mini' does not exist. sk-proj-abc is not one of ours either.";
        assertThat(redactor.redact(text)).isSameAs(text);
    }
}
