package dev.bpkeeper.testing.fakegithub;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The registered app, its installations and the tokens handed out. Holds only the app's public key: the test owns the
 * private key and signs its own JWTs, exactly like the real app does.
 */
final class AppRegistry {
    record App(long id, PublicKey publicKey, String slug, String clientId) {
    }

    record Installation(long id, String account, Map<String, String> permissions, Set<String> repositories,
            Instant createdAt) {
        boolean covers(String fullName) {
            return repositories.contains(fullName.toLowerCase());
        }
    }

    /** A token sees the repositories it was narrowed to (lower-case full names). */
    record Token(String value, long installationId, Instant expiresAt, Map<String, String> permissions,
            Set<String> repositories) {
        boolean covers(String fullName) {
            return repositories.contains(fullName.toLowerCase());
        }

        boolean live() {
            return Instant.now().isBefore(expiresAt);
        }
    }

    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    static final Duration MAX_JWT_LIFETIME = Duration.ofMinutes(10);
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SecureRandom random = new SecureRandom();
    private volatile App app;
    private final Map<Long, Installation> installations = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    void register(long appId, PublicKey publicKey) {
        app = new App(appId, publicKey, "test-app-" + appId, "Iv1." + Long.toHexString(appId * 7919L + 0xabcdefL));
    }

    Optional<App> app() {
        return Optional.ofNullable(app);
    }

    /** The registered app, or a stand-in for tests that only use {@code tokenFor} (check runs must name an app). */
    App appOrStandIn() {
        App current = app;
        return current != null ? current : new App(1, null, "test-app-1", "Iv1.0000000000000001");
    }

    void install(long id, String account, Map<String, String> permissions, Collection<String> repositories) {
        installations.put(id, new Installation(id, account, Map.copyOf(permissions),
                repositories.stream().map(String::toLowerCase).collect(Collectors.toUnmodifiableSet()), Instant.parse("2024-01-01T00:00:00Z")));
    }

    Optional<Installation> installation(long id) {
        return Optional.ofNullable(installations.get(id));
    }

    List<Installation> installations() {
        return List.copyOf(installations.values());
    }

    Optional<Installation> installationCovering(String fullName) {
        return installations.values().stream().filter(i -> i.covers(fullName)).findFirst();
    }

    /**
     * A new token, narrowed the way GitHub narrows it: to the named repositories (by name, within the installation) and
     * to permissions no wider than the installation's.
     */
    Token issue(Installation installation, List<String> repositoryNames, Map<String, String> permissions) {
        Set<String> repositories = new LinkedHashSet<>(installation.repositories());
        if (repositoryNames != null && !repositoryNames.isEmpty()) {
            List<String> wanted = repositoryNames.stream().map(String::toLowerCase).toList();
            repositories.removeIf(full -> !wanted.contains(full.substring(full.indexOf('/') + 1)));
            if (repositories.size() != repositoryNames.size()) {
                throw ApiError.validationFailed("There is at least one repository that does not exist or is not "
                        + "accessible to the parent installation.");
            }
        }
        Map<String, String> granted = new LinkedHashMap<>(installation.permissions());
        if (permissions != null && !permissions.isEmpty()) {
            for (Map.Entry<String, String> wanted : permissions.entrySet()) {
                if (!Permissions.allows(installation.permissions(), wanted.getKey(), wanted.getValue())) {
                    throw ApiError.validationFailed("The permissions requested are not granted to this installation.");
                }
            }
            granted = new LinkedHashMap<>(permissions);
        }
        StringBuilder value = new StringBuilder("ghs_");
        for (int i = 0; i < 36; i++) {
            value.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        Token token = new Token(value.toString(), installation.id(), Instant.now().plus(TOKEN_LIFETIME),
                Map.copyOf(granted), Set.copyOf(repositories));
        tokens.put(token.value(), token);
        return token;
    }

    void expireAllTokens() {
        tokens.replaceAll((value, token) -> new Token(value, token.installationId(), Instant.now().minusSeconds(1),
                token.permissions(), token.repositories()));
    }

    /** Resolves an Authorization header value. */
    Caller identify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Caller.anonymous();
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts.length != 2) {
            return Caller.rejected("Bad credentials");
        }
        String scheme = parts[0].toLowerCase();
        String credential = parts[1];
        if (scheme.equals("bearer") && credential.chars().filter(c -> c == '.').count() == 2) {
            return verifyJwt(credential);
        }
        if (!scheme.equals("bearer") && !scheme.equals("token")) {
            return Caller.rejected("Bad credentials");
        }
        Token token = tokens.get(credential);
        if (token == null || !token.live()) {
            return Caller.rejected("Bad credentials");
        }
        return Caller.installation(token, installations.get(token.installationId()));
    }

    /** GitHub's rules for an app JWT: RS256 by the app's key, iss = app id (or client id), exp ≤ iat + 10 minutes. */
    private Caller verifyJwt(String jwt) {
        App current = app;
        if (current == null) {
            return Caller.rejected("A JSON web token could not be decoded");
        }
        Jws<Claims> parsed;
        try {
            parsed = Jwts.parser().verifyWith(current.publicKey()).build().parseSignedClaims(jwt);
        } catch (ExpiredJwtException e) {
            return Caller.rejected("'Expiration time' claim ('exp') must be a numeric value representing the future "
                    + "time at which the assertion expires");
        } catch (JwtException | IllegalArgumentException e) {
            return Caller.rejected("A JSON web token could not be decoded");
        }
        if (!"RS256".equals(parsed.getHeader().getAlgorithm())) {
            return Caller.rejected("A JSON web token could not be decoded");
        }
        Claims claims = parsed.getPayload();
        Object issuer = claims.get("iss");
        if (issuer == null || !(String.valueOf(issuer).equals(String.valueOf(current.id()))
                || String.valueOf(issuer).equals(current.clientId()))) {
            return Caller.rejected("'Issuer' claim ('iss') must be an Integer");
        }
        Date issuedAt = claims.getIssuedAt();
        Date expiration = claims.getExpiration();
        if (issuedAt == null || issuedAt.toInstant().isAfter(Instant.now().plusSeconds(60))) {
            return Caller.rejected("'Issued at' claim ('iat') must be an Integer representing the time that the "
                    + "assertion was issued");
        }
        if (expiration == null) {
            return Caller.rejected("'Expiration time' claim ('exp') must be a numeric value representing the future "
                    + "time at which the assertion expires");
        }
        if (Duration.between(issuedAt.toInstant(), expiration.toInstant()).compareTo(MAX_JWT_LIFETIME) > 0) {
            return Caller.rejected("'Expiration time' claim ('exp') is too far in the future");
        }
        return Caller.app();
    }
}
