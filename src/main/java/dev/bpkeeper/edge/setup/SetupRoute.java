package dev.bpkeeper.edge.setup;

import dev.bpkeeper.edge.config.AppCredentials;
import dev.bpkeeper.edge.config.AppCredentialsConfig;
import dev.bpkeeper.edge.config.AppCredentialsFile;
import dev.bpkeeper.github.GitHubConfig;
import dev.bpkeeper.github.GitHubFailure;
import dev.bpkeeper.github.ManifestConversion;
import dev.bpkeeper.github.ManifestConversion.RegisteredApp;
import dev.bpkeeper.orchestrate.AppSettings;
import dev.bpkeeper.text.Untrusted;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * One-click registration of the App (GitHub's manifest flow), for the local server. GET /setup shows a button that
 * posts app-manifest.yml to GitHub with a fresh `state`, bound to this browser by a cookie; GitHub creates the App
 * and redirects to GET /setup/callback with a one-time code, which is exchanged for the App's id, private key and
 * webhook secret. They are written to the owner-only credentials file that `serve` reads; the page and the log say
 * how to use them, never the secrets themselves, and the page shows no local path.
 * <p>
 * Anyone who reaches `serve` reaches /setup, so it is open only while there is nothing to take over: once an App is
 * configured (from the environment, a secret or the file) or saved here, both routes answer 409, unless the operator
 * started `serve` with bpkeeper.app-credentials.replace=true (then once, keeping the old file as a backup). Its URLs
 * come from bpkeeper.public-url, or this server's loopback address, never from the request's Host header.
 */
@ApplicationScoped
public class SetupRoute {
    private static final Logger LOG = Logger.getLogger(SetupRoute.class);
    /** GitHub's rule for organisation logins. */
    private static final Pattern ORGANISATION = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
    /** The cookie that binds a registration's state to the browser that started it. */
    static final String COOKIE = "bpkeeper-setup";

    @Inject
    RegistrationStates states;

    @Inject
    GitHubConfig github;

    @Inject
    AppSettings settings;

    @Inject
    AppCredentialsConfig credentials;

    @Inject
    Clock clock;

    /** Set once this process has saved an App: a replacement is allowed once per start. */
    private final AtomicBoolean savedHere = new AtomicBoolean();

    void register(@Observes Router router) {
        router.get("/setup").handler(this::start);
        router.get("/setup/callback").blockingHandler(this::callback, false);
    }

    void start(RoutingContext context) {
        if (refusedAsClosed(context)) {
            return;
        }
        String organisation = context.request().getParam("org");
        if (organisation != null && !ORGANISATION.matcher(organisation).matches()) {
            page(context, 400, "Not an organisation name", "<p>'" + Html.escape(organisation)
                    + "' is not a GitHub organisation login. <a href=\"/setup\">Start again</a>.</p>");
            return;
        }
        RegistrationStates.Registration registration = states.issue();
        String base = baseUrl(context);
        context.response().addCookie(Cookie.cookie(COOKIE, registration.browser()).setPath("/setup")
                .setHttpOnly(true).setSecure(base.startsWith("https://")).setSameSite(CookieSameSite.LAX)
                .setMaxAge(RegistrationStates.LIFETIME.toSeconds()));
        String target = webUrl(github.apiUrl()) + (organisation == null ? "" : "/organizations/" + organisation)
                + "/settings/apps/new?state=" + URLEncoder.encode(registration.state(), StandardCharsets.UTF_8);
        String manifest = ManifestDocument.forBaseUrl(base);
        page(context, 200, "Register the GitHub App", """
                <p>This registers a new GitHub App %s with the permissions and events of
                <code>app-manifest.yml</code>. GitHub asks you to confirm, then sends you back here, and the App's
                credentials are saved on this machine for <code>serve</code>.</p>
                <form action="%s" method="post">
                  <input type="hidden" name="manifest" value="%s">
                  <button type="submit">Create the GitHub App on GitHub</button>
                </form>
                <p>Webhooks will be sent to <code>%s/webhook</code>. Set <code>BPKEEPER_PUBLIC_URL</code> before
                starting <code>serve</code> if GitHub reaches this app at another address (a tunnel, or your AWS
                deployment's <code>ApiUrl</code>). To register it under an organisation, open
                <code>/setup?org=NAME</code>.</p>
                """.formatted(organisation == null ? "for your account" : "for the organisation "
                        + Html.escape(organisation), Html.escape(target), Html.escape(manifest),
                Html.escape(base)));
    }

    void callback(RoutingContext context) {
        if (refusedAsClosed(context)) {
            return;
        }
        Cookie browser = context.request().getCookie(COOKIE);
        if (!states.consume(context.request().getParam("state"), browser == null ? null : browser.getValue())) {
            page(context, 400, "Registration not recognised", "<p>This link does not continue a registration"
                    + " started here in this browser, or it was used already or is too old. Nothing was saved."
                    + " <a href=\"/setup\">Start again</a>.</p>");
            return;
        }
        RegisteredApp app;
        try {
            app = ManifestConversion.exchange(github.apiUrl(), context.request().getParam("code"),
                    github.requestTimeout());
        } catch (IllegalArgumentException e) {
            page(context, 400, "No code from GitHub", "<p>" + Html.escape(e.getMessage())
                    + ". <a href=\"/setup\">Start again</a>.</p>");
            return;
        } catch (GitHubFailure e) {
            LOG.warnf("The App manifest code could not be exchanged: GitHub answered %d", e.status());
            page(context, 502, "GitHub did not hand over the App", "<p>GitHub answered " + e.status()
                    + (e.status() == 404 ? " (the code was used already or expired after an hour)" : "")
                    + ". Nothing was saved. <a href=\"/setup\">Start again</a>.</p>");
            return;
        }
        Path file = file();
        Optional<Path> backup;
        synchronized (this) {
            // Checked again: another callback may have saved an App while this one was exchanging its code.
            if (refusedAsClosed(context)) {
                return;
            }
            backup = AppCredentialsFile.write(file, new AppCredentials(app.id(), app.pem(), app.webhookSecret()),
                    clock.instant());
            savedHere.set(true);
        }
        String secretCommand = "aws secretsmanager create-secret --name bpkeeper/github-app --secret-string"
                + " file://" + shownPath() + " --query ARN --output text";
        LOG.infof("Registered the GitHub App %s (id %d); its credentials are in %s (owner-only)%s. On AWS: %s,"
                + " then sam deploy --guided with GitHubAppSecretArn set to the ARN it prints",
                Untrusted.forLog(app.slug()), app.id(), file.toAbsolutePath(),
                backup.map(b -> ", the previous ones kept in " + b).orElse(""), secretCommand);
        page(context, 200, "Registered " + Html.escape(app.name()), """
                <p>GitHub App <a href="%1$s">%2$s</a>, id <strong>%3$d</strong>. Its private key and webhook secret
                are saved in the credentials file (<code>%4$s</code>), readable only by you; they are not shown here
                or logged.%6$s</p>
                <h2>Run it here</h2>
                <p>Restart <code>java -jar target/quarkus-app/quarkus-run.jar serve</code>: it reads that file when
                <code>GITHUB_APP_ID</code>, <code>GITHUB_PRIVATE_KEY</code> and <code>GITHUB_WEBHOOK_SECRET</code> are
                not set. This page is closed from now on.</p>
                <h2>Install it</h2>
                <p><a href="%1$s/installations/new">Install the App</a> on the repositories to keep.</p>
                <h2>Deploy it on AWS</h2>
                <p>Store the same file as a Secrets Manager secret, then deploy with its ARN as the
                <code>GitHubAppSecretArn</code> parameter (see infra/README.md):</p>
                <pre>%5$s
                ./mvnw -Plambda package -DskipTests
                cd infra &amp;&amp; sam build &amp;&amp; sam deploy --guided --parameter-overrides GitHubAppSecretArn=ARN</pre>
                <p>Then set the App's webhook URL to the <code>WebhookUrl</code> output.</p>
                """.formatted(Html.escape(app.htmlUrl()), Html.escape(app.name()), app.id(),
                Html.escape(shownPath()), Html.escape(secretCommand), backup.isPresent()
                        ? " The credentials saved before were kept beside it, in a <code>.bak</code> file." : ""));
    }

    /**
     * Answers 409 when there are credentials that a registration would take over: an App configured by any source
     * (environment, secret, the file at start) or a file saved since, unless the operator asked to replace them
     * (once per start).
     */
    private boolean refusedAsClosed(RoutingContext context) {
        boolean replacing = credentials.replace() && !savedHere.get();
        boolean exists = github.appId().isPresent() || Files.exists(file());
        if (!exists || replacing) {
            return false;
        }
        page(context, 409, "The App is registered already", """
                <p>This server has its GitHub App's credentials, so registration is closed: nothing was changed.
                To register another App in their place, restart <code>serve</code> with
                <code>BPKEEPER_APP_CREDENTIALS_REPLACE=true</code> (the current credentials file is kept as a
                backup), or move the credentials file away.</p>""");
        return true;
    }

    private Path file() {
        return Path.of(credentials.file().orElse(AppCredentialsFile.DEFAULT));
    }

    /** The credentials file as the page may show it: under the home folder as ~/..., else only its name. */
    private String shownPath() {
        Path file = file().toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        return file.startsWith(home) ? "~/" + home.relativize(file) : "BPKEEPER_APP_CREDENTIALS_FILE";
    }

    /** github.com for api.github.com; https://HOST for GitHub Enterprise Server's https://HOST/api/v3. */
    static String webUrl(String apiUrl) {
        String api = apiUrl.replaceAll("/+$", "");
        if (api.equals("https://api.github.com")) {
            return "https://github.com";
        }
        return api.endsWith("/api/v3") ? api.substring(0, api.length() - "/api/v3".length()) : api;
    }

    /**
     * Where GitHub and people reach this app: bpkeeper.public-url, or else this server on loopback (the port the
     * request arrived on). Never the Host header, which the caller chooses.
     */
    private String baseUrl(RoutingContext context) {
        return settings.publicUrl().map(u -> u.replaceAll("/+$", ""))
                .orElseGet(() -> "http://localhost:" + context.request().localAddress().port());
    }

    private void page(RoutingContext context, int status, String title, String body) {
        context.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                // No script, style or frame; the one form posts to GitHub; the callback's code never leaves in
                // a Referer.
                .putHeader("Content-Security-Policy", "default-src 'none'; form-action "
                        + webUrl(github.apiUrl()) + "; frame-ancestors 'none'; base-uri 'none'")
                .putHeader("X-Frame-Options", "DENY").putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .end("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title
                        + " · Best Practices Keeper</title></head><body><h1>" + title + "</h1>" + body
                        + "</body></html>");
    }

    /** Text and attribute values in the pages. */
    static final class Html {
        private Html() {
        }

        static String escape(String text) {
            StringBuilder out = new StringBuilder(text.length());
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> out.append(c);
                }
            }
            return out.toString();
        }
    }
}
