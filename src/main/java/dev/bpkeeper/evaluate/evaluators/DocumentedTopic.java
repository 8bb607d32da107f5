package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.FileTree;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shared answer to "is topic X documented?". Evidence, strongest first: a file given to the topic
 * (GOVERNANCE.md), a heading in the project's documents ("## Governance"), a sentence that can hardly be about
 * anything else, a file that only hints at it (a formatter's configuration for a coding standard). Only a file
 * given to the topic is decisive: words can mislead, so the rest are proposals, and so is "not found", since we
 * read the README, community files and docs/ but not every page a project publishes.
 *
 * <p>Evaluators extend this with their {@link Topic} and declare {@code implements Evaluator} themselves, so that
 * each one stays a public final class named after its question.
 */
abstract class DocumentedTopic {
    /** GitHub's SECURITY.md template, committed unedited: its "Supported Versions" heading promises nothing. */
    private static final Pattern UNEDITED_TEMPLATE = Pattern.compile("Use this section to tell people");
    private final Topic topic;

    DocumentedTopic(Topic topic) {
        this.topic = topic;
    }

    public List<WantedFile> wantedFiles() {
        return topic.wanted;
    }

    public Set<Need> needs() {
        return topic.needs();
    }

    public Finding evaluate(RepositorySnapshot snapshot) {
        Optional<String> file = shallowestFile(snapshot, topic.filePatterns);
        if (file.isPresent()) {
            return Finding.met(file.get() + " describes " + topic.subject + ".", Look.evidence(snapshot, file.get()));
        }
        List<String> searched = Look.prose(snapshot).stream()
                .filter(p -> topic.searched.matcher(p.toLowerCase(Locale.ROOT)).find())
                .filter(p -> !snapshot.text(p).map(t -> UNEDITED_TEMPLATE.matcher(t).find()).orElse(false))
                .toList();
        Optional<Look.Hit> heading = find(snapshot, searched, topic.heading);
        if (heading.isPresent()) {
            return Finding.met(heading.get().path() + " describes " + topic.subject + " in the section \""
                    + title(heading.get().text()) + "\" (line " + heading.get().line() + ").",
                    Look.evidence(snapshot, heading.get().path())).proposed();
        }
        Optional<Look.Hit> phrase = find(snapshot, searched, topic.phrases);
        if (phrase.isPresent()) {
            return Finding.met(phrase.get().path() + " covers " + topic.subject + ": \"" + phrase.get().text()
                    + "\" (line " + phrase.get().line() + ").", Look.evidence(snapshot, phrase.get().path()))
                    .proposed();
        }
        Optional<String> hint = shallowest(snapshot, topic.hints);
        if (hint.isPresent()) {
            return Finding.met(String.format(topic.hintSentence, hint.get()), Look.evidence(snapshot, hint.get()))
                    .proposed();
        }
        if (topic.orgDefault != null) {
            Optional<String> org = Look.orgCommunityFile(snapshot, topic.orgDefault);
            if (org.isPresent()) {
                return Finding.met("The organisation's default " + org.get() + " (in its .github repository) applies"
                        + " to this repository and describes " + topic.subject + ".").proposed();
            }
        }
        if (topic.orgUnread != null) {
            Optional<String> org = Look.orgCommunityFile(snapshot, topic.orgUnread);
            if (org.isPresent()) {
                return Finding.unknown("Only the organisation's default " + org.get() + " applies here, and its text"
                        + " is not read, so whether it describes " + topic.subject + " is not known.");
            }
            // With no file of its own, the repository shows the owner's default (from its .github repository); where
            // those defaults were not read, as in a local checkout, what they say is not known.
            if (Look.ownGuidance(snapshot, topic.orgUnread).isEmpty() && !snapshot.orgCommunityFiles().isKnown()) {
                return Finding.unknown(topic.missing + " (searched " + topic.where + "). The repository has no "
                        + topic.orgUnread.split("\\|")[0].toUpperCase(Locale.ROOT) + " file or README section of its"
                        + " own, and whether the owner's .github repository publishes a default one is not known ("
                        + snapshot.orgCommunityFiles().unknownReason() + ").");
            }
        }
        Optional<String> readme = Look.readme(snapshot)
                .filter(p -> topic.searched.matcher(p.toLowerCase(Locale.ROOT)).find());
        if (readme.isPresent() && snapshot.text(readme.get()).isEmpty()) {
            return Finding.unknown("The text of " + readme.get() + " was not read, so whether the documentation"
                    + " describes " + topic.subject + " is not known.");
        }
        if (topic.notApplicableWithoutReleases && Releases.noneYet(snapshot)) {
            return Finding.notApplicable("There are no releases yet (no tags and no GitHub releases), so there is"
                    + " nothing for " + topic.subject + " to cover.").proposed();
        }
        return Look.absent(snapshot, topic.missing + " (searched " + topic.where + ").").proposed();
    }

    /**
     * The shallowest dedicated file. A folder() pattern can only match files below a top-level directory of that
     * name or below doc(s)/ one, and only the shallowest file of each such folder can be the answer, so only those
     * are tested; the tree narrows other patterns itself.
     */
    private static Optional<String> shallowestFile(RepositorySnapshot snapshot, List<FilePattern> patterns) {
        FileTree tree = snapshot.tree();
        Shallowest shallowest = new Shallowest();
        for (FilePattern file : patterns) {
            java.util.regex.Matcher matcher = file.pattern().matcher("");
            if (file.folderName() == null) {
                tree.matching(file.pattern()).forEach(shallowest::offer);
                continue;
            }
            FolderFirsts.of(tree).forEach((folder, first) -> {
                if (file.folderName().matcher(folder.substring(folder.indexOf('/') + 1)).matches()) {
                    if (matcher.reset(first).matches()) {
                        shallowest.offer(first);
                    } else {
                        FolderFirsts.filesBelow(tree, folder).stream().filter(p -> matcher.reset(p).matches())
                                .forEach(shallowest::offer);
                    }
                }
            });
        }
        return shallowest.path();
    }

    /** Dedicated files are not only prose (openapi.yaml, *.tm7, man pages), so the whole tree is searched. */
    private static Optional<String> shallowest(RepositorySnapshot snapshot, Pattern pattern) {
        if (pattern == null) {
            return Optional.empty();
        }
        Shallowest shallowest = new Shallowest();
        snapshot.tree().matching(pattern).forEach(shallowest::offer);
        return shallowest.path();
    }

    private static Optional<Look.Hit> find(RepositorySnapshot snapshot, List<String> paths, Pattern pattern) {
        return pattern == null ? Optional.empty() : Look.findLine(snapshot, paths, pattern);
    }

    /** "## Roadmap ##" → "Roadmap", "<h2>Roadmap</h2>" → "Roadmap". */
    static String title(String headingLine) {
        return headingLine.replaceAll("<[^>]+>", "").replaceAll("^[#=*\\s]+|[#=*:\\s]+$", "");
    }

    /**
     * A heading, in Markdown (#), AsciiDoc (=), reStructuredText or setext (a line underlined with = - ~ ^), HTML
     * or a bold line standing alone, whose title contains one of the words.
     *
     * @param words a regex alternation of whole words, e.g. "roadmap|future plans"
     */
    static Pattern heading(String words) {
        String w = "\\b(?:" + words + ")\\b";
        return Look.words("^[ \\t]{0,3}(?:#{1,6}|={1,6})[ \\t]*[^\\n]*?" + w
                + "|^[ \\t]*(?=[^\\s|])[^\\n|]*?" + w
                + "[^\\n|]*(?=\\r?\\n[ \\t]*(?:={3,}|-{3,}|~{3,}|\\^{3,})[ \\t]*\\r?$)"
                + "|<h[1-6][^>]*>[^<\\n]*?" + w
                + "|^[ \\t]*\\*\\*[^*\\n]*?" + w + "[^*\\n]*\\*\\*:?[ \\t]*\\r?$");
    }

    /** A document about the topic where GitHub and people look for one: the root, .github/ or docs/. */
    static String doc(String nameRegex) {
        return DOC_PREFIX + nameRegex + ")" + Look.DOC_ENDING;
    }

    private static final String DOC_PREFIX = "((\\.github|docs?)/)?(";
    private static final String FOLDER_PREFIX = "(docs?/)?(";
    private static final String FOLDER_SUFFIX = ")/.+" + Look.DOC_ENDING;

    /** One dedicated-file pattern, and for a folder() pattern, the folder's name. */
    record FilePattern(Pattern pattern, Pattern folderName) {
        static FilePattern of(String regex) {
            Pattern pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
            if (regex.startsWith(FOLDER_PREFIX) && regex.endsWith(FOLDER_SUFFIX)) {
                String name = regex.substring(FOLDER_PREFIX.length(), regex.length() - FOLDER_SUFFIX.length());
                return new FilePattern(pattern, Pattern.compile(name, Pattern.CASE_INSENSITIVE));
            }
            return new FilePattern(pattern, null);
        }
    }

    /** A folder of documents about the topic at the root or in docs/, e.g. docs/architecture/overview.md. */
    static String folder(String nameRegex) {
        return FOLDER_PREFIX + nameRegex + FOLDER_SUFFIX;
    }

    /** What to look for; configured once in an evaluator's constructor and not changed afterwards. */
    static final class Topic {
        private final String subject;
        private List<FilePattern> filePatterns = List.of();
        private Pattern hints;
        private String hintSentence = "%s suggests the topic is covered.";
        private Pattern heading;
        private Pattern phrases;
        private Pattern searched = Pattern.compile("");
        private String where = "the README, the community files and docs/";
        private String orgDefault;
        private String orgUnread;
        private boolean notApplicableWithoutReleases;
        private String missing;
        private List<WantedFile> wanted = Wanted.DOCUMENTS;

        private Topic(String subject) {
            this.subject = subject;
            this.missing = "Nothing was found that describes " + subject;
        }

        /** @param subject what is documented, to finish "GOVERNANCE.md describes ..." */
        static Topic of(String subject) {
            return new Topic(subject);
        }

        /** Files (whole path, any case) whose existence alone answers the question. */
        Topic files(String... pathRegexes) {
            filePatterns = Stream.of(pathRegexes).map(FilePattern::of).toList();
            return this;
        }

        /** Words that make a heading about the topic. */
        Topic headings(String words) {
            heading = heading(words);
            return this;
        }

        /** Sentences about the topic; one pattern so that a hit in the README wins over one deep in docs/. */
        Topic phrases(String... regexes) {
            phrases = Look.words(String.join("|", Stream.of(regexes).map(r -> "(?:" + r + ")").toList()));
            return this;
        }

        /** Files that suggest the topic without documenting it; {@code sentence} gets the path as %s. */
        Topic hints(String pathRegex, String sentence) {
            hints = Pattern.compile(pathRegex, Pattern.CASE_INSENSITIVE);
            hintSentence = sentence;
            return this;
        }

        /**
         * Search headings and phrases only in documents whose lower-case path contains a match.
         *
         * @param description those documents, to finish "searched ..."
         */
        Topic searchedIn(String lowerPathRegex, String description) {
            searched = Pattern.compile(lowerPathRegex);
            where = description;
            return this;
        }

        /** The organisation's default community file of this name counts (GitHub shows it for the repository). */
        Topic orgDefault(String baseNameRegex) {
            orgDefault = baseNameRegex;
            return this;
        }

        /** The organisation's default file of this name might cover the topic, but we do not read its text. */
        Topic orgUnread(String baseNameRegex) {
            orgUnread = baseNameRegex;
            return this;
        }

        Topic notApplicableWithoutReleases() {
            notApplicableWithoutReleases = true;
            return this;
        }

        /** The sentence for "not found", without a final full stop. */
        Topic missing(String sentence) {
            missing = sentence;
            return this;
        }

        Topic alsoReading(WantedFile... more) {
            List<WantedFile> all = new ArrayList<>(wanted);
            all.addAll(List.of(more));
            wanted = List.copyOf(all);
            return this;
        }

        private Set<Need> needs() {
            Set<Need> needs = EnumSet.noneOf(Need.class);
            if (orgDefault != null || orgUnread != null) {
                needs.add(Need.ORG_COMMUNITY_FILES);
            }
            if (notApplicableWithoutReleases) {
                needs.add(Need.TAGS);
                needs.add(Need.RELEASES);
            }
            return Set.copyOf(needs);
        }
    }
}
