package dev.bpkeeper.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The app's log lines under a logger name (e.g. "dev.bpkeeper"), formatted as they are printed, from the moment it
 * is opened until closed: for tests of what the logs say.
 */
public final class LogLines extends Handler implements AutoCloseable {
    private final Logger logger;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LogLines(String loggerName) {
        this.logger = Logger.getLogger(loggerName);
        logger.addHandler(this);
    }

    public static LogLines of(String loggerName) {
        return new LogLines(loggerName);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getParameters() == null || record.getParameters().length == 0 ? record.getMessage()
                : String.format(record.getMessage(), record.getParameters()));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
