package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Is the software delivered only over channels that resist man-in-the-middle attacks (HTTPS)? */
public final class DeliversOverHttps implements Evaluator {
    /** Addresses that are examples or the user's own machine, not download locations. */
    private static final String NOT_A_SERVER = "(?!localhost|127\\.|0\\.0\\.0\\.0|\\[::1\\]|[^/\\s]*example\\.(?:com|org"
            + "|net)|[$<{])";
    private static final Pattern PLAIN_DOWNLOAD = Look.words("\\b(?:curl|wget)\\b[^\\n]*\\bhttp://" + NOT_A_SERVER
            + "|\\bhttp://" + NOT_A_SERVER + "[^\\s)\\]>\"']+\\.(?:tar\\.gz|tgz|tar\\.bz2|tar\\.xz|zip|jar|war|deb|rpm"
            + "|msi|exe|dmg|pkg|apk|whl|gem|AppImage|sh|nupkg)\\b"
            + "|(?:--index-url|--extra-index-url|--registry)[ =]+http://" + NOT_A_SERVER);

    @Override
    public List<WantedFile> wantedFiles() {
        return Wanted.DOCUMENTS;
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.RELEASES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        Optional<Look.Hit> plain = Look.findLine(snapshot, Look.prose(snapshot), PLAIN_DOWNLOAD);
        if (plain.isPresent()) {
            return Finding.unmet(plain.get().path() + " tells users to download over plain HTTP: \""
                    + plain.get().text() + "\" (line " + plain.get().line() + "); use https://.",
                    Look.evidence(snapshot, plain.get().path())).proposed();
        }
        Optional<String> readme = Look.readme(snapshot);
        if (readme.isPresent() && snapshot.text(readme.get()).isEmpty()) {
            return Finding.unknown("The text of " + readme.get() + " was not read, so its download instructions could"
                    + " not be checked.");
        }
        if (!Releases.published(snapshot).isEmpty()) {
            return Finding.met("Releases are downloaded from GitHub over HTTPS, and the documentation has no"
                    + " plain-HTTP download links.", Look.page(snapshot, "/releases", "releases")).proposed();
        }
        if (snapshot.metadata().isOnGitHub()) {
            return Finding.met("GitHub serves the source over HTTPS, and the documentation has no plain-HTTP download"
                    + " links.").proposed();
        }
        return Finding.met("The documentation has no plain-HTTP download or install links.").proposed();
    }
}
