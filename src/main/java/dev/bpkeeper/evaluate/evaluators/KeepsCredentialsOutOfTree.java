package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.FileTree;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Is the repository free of committed private keys and secret files? Judged by file names only: contents,
 * validity and history are not examined.
 */
public final class KeepsCredentialsOutOfTree implements Evaluator {
    /** Names that usually hold private keys, keystores or secrets. */
    private static final Pattern SECRET_NAME = Pattern.compile("id_(rsa|dsa|ecdsa|ed25519)|.+\\.(pem|key|p12|pfx|jks"
            + "|keystore|ppk|kdbx)|\\.env(\\.(local|prod|production|[a-z]+\\.local))?|\\.htpasswd|secring\\.(gpg|skr)");
    /** Public halves and certificates share the endings but are meant to be published. */
    private static final Pattern PUBLIC_NAME = Pattern.compile(".*(cert|chain|ca-bundle|cacert|public|pubkey).*\\.pem");
    private static final String NOT_CHECKED = " Only file names were checked, not contents or history; GitHub secret"
            + " scanning covers those.";

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        List<String> suspicious = snapshot.tree().withName(SECRET_NAME).stream()
                .filter(p -> !PUBLIC_NAME.matcher(FileTree.baseName(p).toLowerCase(java.util.Locale.ROOT)).matches())
                .toList();
        List<String> own = suspicious.stream().filter(p -> !Code.isFixture(p) && !Code.isVendored(p)).toList();
        if (!own.isEmpty()) {
            return Finding.unmet("Files that usually hold private keys or secrets are committed: "
                    + Look.list(own.stream().limit(4).toList()) + (own.size() > 4 ? " and " + (own.size() - 4)
                    + " more" : "") + ". If any holds a real credential, remove it and revoke it.",
                    Look.evidence(snapshot, own.get(0))).proposed();
        }
        if (snapshot.tree().isTruncated()) {
            return Finding.unknown("No private key or secret files were seen, but the file list is truncated.");
        }
        if (!suspicious.isEmpty()) {
            return Finding.met("No private key or secret files are committed outside test data; the key files "
                    + Look.list(suspicious.stream().limit(3).toList()) + " look like test fixtures, so confirm that"
                    + " they are not real credentials." + NOT_CHECKED).proposed();
        }
        return Finding.met("No private key or secret files (such as id_rsa, *.pem, *.key, keystores or .env) are in"
                + " the repository." + NOT_CHECKED).proposed();
    }

}
