package dev.camelgateway.secrets;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.RootCauseFirstThrowableProxyConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;
import org.springframework.boot.logging.logback.WhitespaceThrowableProxyConverter;

/**
 * Logback's converters for the message and the stack trace of a log line, each passing its text through
 * {@link LogRedaction}. {@code logback-spring.xml} binds them to the words of the standard patterns ({@code %m},
 * {@code %wEx}, {@code %ex}, …), so Spring Boot's default patterns, and any {@code logging.pattern.*}, stay as they are
 * and no logger, the gateway's, Camel's or Tomcat's, can print a provider key.
 */
public final class RedactingConverters {
    private RedactingConverters() {
    }

    /** {@code %m}, {@code %msg}, {@code %message}. */
    public static final class Message extends MessageConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return LogRedaction.redact(super.convert(event));
        }
    }

    /** {@code %wEx}, Spring Boot's default. */
    public static final class ExtendedWhitespaceStackTrace extends ExtendedWhitespaceThrowableProxyConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return LogRedaction.redact(super.convert(event));
        }
    }

    /** {@code %wex}. */
    public static final class WhitespaceStackTrace extends WhitespaceThrowableProxyConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return LogRedaction.redact(super.convert(event));
        }
    }

    /** {@code %ex}, {@code %exception}, {@code %throwable}. */
    public static final class StackTrace extends ThrowableProxyConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return LogRedaction.redact(super.convert(event));
        }
    }

    /** {@code %xEx}, {@code %xException}, {@code %xThrowable}. */
    public static final class ExtendedStackTrace extends ExtendedThrowableProxyConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return LogRedaction.redact(super.convert(event));
        }
    }

    /** {@code %rEx}, {@code %rootException}. */
    public static final class RootCauseFirstStackTrace extends RootCauseFirstThrowableProxyConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return LogRedaction.redact(super.convert(event));
        }
    }
}
