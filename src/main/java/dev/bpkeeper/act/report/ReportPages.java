package dev.bpkeeper.act.report;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The HTML pages, from Qute templates in templates/report/ (HTML templates: every value is escaped as it is
 * written, in text and in attributes).
 */
@Singleton
public class ReportPages {

    @Inject
    @Location("report/report.html")
    Template report;

    @Inject
    @Location("report/org.html")
    Template org;

    @Inject
    @Location("report/not-found.html")
    Template notFound;

    /**
     * @param badgeUrl the metal badge's address (shown on the page and in the Markdown snippet)
     * @param snippet the Markdown a maintainer pastes into a README
     */
    public String report(Report data, String badgeUrl, String baselineBadgeUrl, String jsonUrl, String snippet) {
        return report.data("report", data).data("badgeUrl", badgeUrl).data("baselineBadgeUrl", baselineBadgeUrl)
                .data("jsonUrl", jsonUrl).data("snippet", snippet).render();
    }

    public String org(OrgReport data) {
        return org.data("org", data).render();
    }

    public String notFound(String title, String message) {
        return notFound.data("title", title).data("message", message).render();
    }
}
