package dev.bpkeeper.edge.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * The local App's credentials on disk (by default ~/.bpkeeper/github-app.json), readable and writable by the owner
 * only: /setup writes it, `serve` reads it when the environment does not configure the App.
 */
public final class AppCredentialsFile {
    public static final String DEFAULT = System.getProperty("user.home") + "/.bpkeeper/github-app.json";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private AppCredentialsFile() {
    }

    public static AppCredentials read(Path file) {
        try {
            return AppCredentials.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the App credentials file " + file, e);
        }
    }

    /**
     * Writes the file with owner-only permissions from its first byte (a temporary file moved into place), so the
     * secrets are never readable by others, not even briefly; the folder is created owner-only too. A file already
     * there is first copied, owner-only, beside it (github-app.json.20261208T011500Z.bak): credentials replaced by
     * mistake can be put back.
     *
     * @return the backup, when there was a file to keep
     */
    public static Optional<Path> write(Path file, AppCredentials credentials, Instant now) {
        // An absolute path to a file always has a parent; only the root itself has none.
        Path folder = java.util.Objects.requireNonNull(file.toAbsolutePath().getParent(), "a file, not the root");
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            Optional<Path> backup = Files.exists(file) ? Optional.of(backUp(file, now)) : Optional.empty();
            Path temporary = Files.createTempFile(folder, ".github-app", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(temporary, credentials.toJson(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            return backup;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the App credentials file " + file, e);
        }
    }

    private static Path backUp(Path file, Instant now) throws IOException {
        String stamp = BACKUP_STAMP.format(now.truncatedTo(ChronoUnit.SECONDS));
        Path backup = file.resolveSibling(file.getFileName() + "." + stamp + ".bak");
        for (int n = 2; Files.exists(backup); n++) {
            backup = file.resolveSibling(file.getFileName() + "." + stamp + "-" + n + ".bak");
        }
        Files.createFile(backup, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.write(backup, Files.readAllBytes(file));
        return backup;
    }
}
