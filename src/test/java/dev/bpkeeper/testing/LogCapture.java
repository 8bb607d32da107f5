package dev.bpkeeper.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Everything the app logs while a test runs, as text: the formatted message, every parameter and any exception with
 * its causes. Named loggers can be opened to every level for the duration, so that a secret in a debug line is
 * caught too. Attached to the root logger of the JBoss LogManager that Quarkus installs.
 */
public final class LogCapture implements AutoCloseable {
    /** One record as text. */
    public record Line(Level level, String logger, String text, boolean hasException) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Map<Logger, Level> openedLevels = new LinkedHashMap<>();
    private final Handler handler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        // getFormattedMessage is the message exactly as the app's log line shows it, which is what tests assert on.
        @SuppressWarnings("deprecation")
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(record instanceof ExtLogRecord ext ? ext.getFormattedMessage()
                    : formatter.formatMessage(record));
            if (record.getParameters() != null) {
                text.append(" | params: ").append(Arrays.deepToString(record.getParameters()));
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(" | thrown: ").append(trace);
            }
            lines.add(new Line(record.getLevel(), record.getLoggerName(), text.toString(),
                    record.getThrown() != null));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
    }

    /** Starts capturing; the loggers named (and their children) log at every level until {@link #close()}. */
    public static LogCapture start(String... verboseLoggers) {
        LogCapture capture = new LogCapture();
        capture.handler.setLevel(Level.ALL);
        for (String name : verboseLoggers) {
            Logger logger = Logger.getLogger(name);
            capture.openedLevels.put(logger, logger.getLevel());
            logger.setLevel(Level.ALL);
        }
        Logger.getLogger("").addHandler(capture.handler);
        return capture;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The whole capture as one text, for "does not contain" assertions. */
    public String text() {
        StringBuilder all = new StringBuilder();
        lines.forEach(l -> all.append(l.level()).append(' ').append(l.logger()).append(": ").append(l.text())
                .append('\n'));
        return all.toString();
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
        openedLevels.forEach(Logger::setLevel);
    }
}
