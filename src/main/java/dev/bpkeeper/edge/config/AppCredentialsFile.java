package dev.bpkeeper.edge.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The local App's credentials on disk (by default ~/.bpkeeper/github-app.json), readable and writable by the owner
 * only: /setup writes it, `serve` reads it when the environment does not configure the App.
 */
public final class AppCredentialsFile {
    public static final String DEFAULT = System.getProperty("user.home") + "/.bpkeeper/github-app.json";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

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
     * secrets are never readable by others, not even briefly; the folder is created owner-only too.
     */
    public static void write(Path file, AppCredentials credentials) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            Path temporary = Files.createTempFile(folder, ".github-app", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(temporary, credentials.toJson(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the App credentials file " + file, e);
        }
    }
}
