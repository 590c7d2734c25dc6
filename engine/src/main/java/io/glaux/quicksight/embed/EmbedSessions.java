package io.glaux.quicksight.embed;

import io.glaux.quicksight.QuickSightException;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embed URLs as GenerateEmbedUrlForAnonymousUser / GenerateEmbedUrlForRegisteredUser hand them out: each names one
 * dashboard, carries a one-time auth code that must be redeemed within {@link #REDEEM_WITHIN} of its issue, and opens a
 * session of SessionLifetimeInMinutes (15 to 600, 600 by default) in the browser that redeemed it (by a session secret
 * the browser keeps as a cookie). Sessions live in memory, as an embedding session does not outlive its server.
 */
public final class EmbedSessions {

    /** How long an embed URL may wait before it is opened (QuickSight's is five minutes). */
    public static final Duration REDEEM_WITHIN = Duration.ofMinutes(5);
    public static final long MIN_LIFETIME_MINUTES = 15;
    public static final long MAX_LIFETIME_MINUTES = 600;

    /** What an embed URL opens. */
    public record Embed(String id, String code, String dashboardId, String principalArn, List<String> allowedDomains,
            Duration lifetime, Instant issuedAt) {
    }

    /** A redeemed embed URL: the secret its browser keeps, until when it is good. */
    public record Session(Embed embed, String secret, Instant expiresAt) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Embed> issued = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public EmbedSessions(Clock clock) {
        this.clock = clock;
    }

    /** Issues an embed URL's id and code for a dashboard; {@code lifetimeMinutes} null means 600. */
    public Embed issue(String dashboardId, String principalArn, List<String> allowedDomains, Long lifetimeMinutes) {
        long minutes = lifetimeMinutes == null ? MAX_LIFETIME_MINUTES : lifetimeMinutes;
        if (minutes < MIN_LIFETIME_MINUTES || minutes > MAX_LIFETIME_MINUTES) {
            throw QuickSightException.invalid("SessionLifetimeInMinutes must be " + MIN_LIFETIME_MINUTES + " to "
                    + MAX_LIFETIME_MINUTES + ", not " + minutes);
        }
        Embed embed = new Embed(token(), token(), dashboardId, principalArn, List.copyOf(allowedDomains),
                Duration.ofMinutes(minutes), clock.instant());
        purgeExpired();
        issued.put(embed.id(), embed);
        return embed;
    }

    /**
     * Opens embed {@code id} for {@code dashboardId}: with its code, once, within {@link #REDEEM_WITHIN} (a new
     * session), or with the secret of the session that redeemed it while that lasts. Empty when neither holds.
     */
    public synchronized Optional<Session> open(String id, String dashboardId, String code, String secret) {
        Instant now = clock.instant();
        Session session = sessions.get(id);
        if (session != null) {
            boolean valid = session.secret().equals(secret) && now.isBefore(session.expiresAt())
                    && session.embed().dashboardId().equals(dashboardId);
            return valid ? Optional.of(session) : Optional.empty();
        }
        Embed embed = issued.get(id);
        if (embed == null || !embed.code().equals(code) || !embed.dashboardId().equals(dashboardId)
                || !now.isBefore(embed.issuedAt().plus(REDEEM_WITHIN))) {
            return Optional.empty();
        }
        issued.remove(id);
        Session opened = new Session(embed, token(), now.plus(embed.lifetime()));
        sessions.put(id, opened);
        return Optional.of(opened);
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        issued.values().removeIf(embed -> !now.isBefore(embed.issuedAt().plus(REDEEM_WITHIN)));
        sessions.values().removeIf(session -> !now.isBefore(session.expiresAt()));
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Refuses an embed of a dashboard that is not among the ARNs the caller authorised. */
    public static void requireAuthorized(String dashboardArn, List<String> authorizedArns) {
        if (!authorizedArns.contains(dashboardArn)) {
            throw QuickSightException.invalid("InitialDashboardId's dashboard " + dashboardArn
                    + " is not in AuthorizedResourceArns " + authorizedArns + ".");
        }
    }
}
