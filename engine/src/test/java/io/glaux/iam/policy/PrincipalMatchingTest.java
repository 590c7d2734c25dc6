package io.glaux.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.glaux.iam.Principal;
import org.junit.jupiter.api.Test;

/** How a resource or trust policy statement's Principal / NotPrincipal names each kind of caller. */
class PrincipalMatchingTest {

    private static final String ACCOUNT = "000000000000";
    private static final Principal ROOT = Principal.root(ACCOUNT);
    private static final Principal BOB = Principal.user(ACCOUNT, "/", "bob", "AIDABOB");
    private static final Principal SESSION = Principal.assumedRole(ACCOUNT, "/service-role/", "analyst", "AROA1",
            "s1");
    private static final Principal OTHER_ACCOUNT_USER = Principal.user("111111111111", "/", "bob", "AIDAX");
    private static final Principal QUICKSIGHT = Principal.service("quicksight.amazonaws.com");
    private static final Principal ANONYMOUS = Principal.anonymous();

    private static Statement statement(String effect, String principalElement, String principal) {
        return PolicyDocument.parse("{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"" + effect + "\", \""
                + principalElement + "\": " + principal + ", \"Action\": \"s3:*\", \"Resource\": \"*\"}}",
                PolicyDocument.Kind.RESOURCE).statements().get(0);
    }

    private static PrincipalMatch match(String principal, Principal caller) {
        return statement("Allow", "Principal", principal).principalMatch(caller, false);
    }

    @Test
    void starNamesEveryoneIncludingAnonymousCallers() {
        for (Principal caller : new Principal[] {ROOT, BOB, SESSION, QUICKSIGHT, ANONYMOUS}) {
            assertThat(match("\"*\"", caller)).isEqualTo(PrincipalMatch.ANYONE);
            assertThat(match("{\"AWS\": \"*\"}", caller)).isEqualTo(PrincipalMatch.ANYONE);
        }
    }

    @Test
    void accountIdAndRootArnNameTheAccountsPrincipals() {
        for (String account : new String[] {"\"000000000000\"", "\"arn:aws:iam::000000000000:root\""}) {
            String principal = "{\"AWS\": " + account + "}";
            assertThat(match(principal, ROOT)).isEqualTo(PrincipalMatch.ACCOUNT);
            assertThat(match(principal, BOB)).isEqualTo(PrincipalMatch.ACCOUNT);
            assertThat(match(principal, SESSION)).isEqualTo(PrincipalMatch.ACCOUNT);
            assertThat(match(principal, OTHER_ACCOUNT_USER)).isEqualTo(PrincipalMatch.NONE);
            assertThat(match(principal, ANONYMOUS)).isEqualTo(PrincipalMatch.NONE);
        }
    }

    @Test
    void userArnNamesThatUserOnly() {
        String principal = "{\"AWS\": \"arn:aws:iam::000000000000:user/bob\"}";

        assertThat(match(principal, BOB)).isEqualTo(PrincipalMatch.EXACT);
        assertThat(match(principal, OTHER_ACCOUNT_USER)).isEqualTo(PrincipalMatch.NONE);
        assertThat(match(principal, Principal.user(ACCOUNT, "/", "alice", "AIDAA"))).isEqualTo(PrincipalMatch.NONE);
        assertThat(match(principal, ROOT)).isEqualTo(PrincipalMatch.NONE);
    }

    @Test
    void roleArnNamesItsSessionsAndSessionArnNamesOneSession() {
        String role = "{\"AWS\": \"arn:aws:iam::000000000000:role/service-role/analyst\"}";
        String session = "{\"AWS\": \"arn:aws:sts::000000000000:assumed-role/analyst/s1\"}";
        Principal otherSession = Principal.assumedRole(ACCOUNT, "/service-role/", "analyst", "AROA1", "s2");

        assertThat(match(role, SESSION)).isEqualTo(PrincipalMatch.ROLE);
        assertThat(match(role, otherSession)).isEqualTo(PrincipalMatch.ROLE);
        assertThat(match(session, SESSION)).isEqualTo(PrincipalMatch.EXACT);
        assertThat(match(session, otherSession)).isEqualTo(PrincipalMatch.NONE);
        assertThat(match(role, BOB)).isEqualTo(PrincipalMatch.NONE);
    }

    @Test
    void serviceNamesThatServicePrincipalOnly() {
        String principal = "{\"Service\": [\"quicksight.amazonaws.com\"]}";

        assertThat(match(principal, QUICKSIGHT)).isEqualTo(PrincipalMatch.EXACT);
        assertThat(match(principal, Principal.service("athena.amazonaws.com"))).isEqualTo(PrincipalMatch.NONE);
        assertThat(match(principal, BOB)).isEqualTo(PrincipalMatch.NONE);
        assertThat(match(principal, ANONYMOUS)).isEqualTo(PrincipalMatch.NONE);
    }

    @Test
    void strongestEntryWins() {
        String principal = "{\"AWS\": [\"000000000000\", \"arn:aws:iam::000000000000:user/bob\"]}";

        assertThat(match(principal, BOB)).isEqualTo(PrincipalMatch.EXACT);
        assertThat(match(principal, SESSION)).isEqualTo(PrincipalMatch.ACCOUNT);
    }

    @Test
    void notPrincipalDenySparesOnlyPrincipalsWhoseAccountAndIdentityAreListed() {
        Statement deny = statement("Deny", "NotPrincipal", "{\"AWS\": [\"arn:aws:iam::000000000000:root\","
                + " \"arn:aws:iam::000000000000:user/bob\", \"arn:aws:iam::000000000000:role/service-role/analyst\"]}");
        Statement userOnly = statement("Deny", "NotPrincipal", "{\"AWS\": \"arn:aws:iam::000000000000:user/bob\"}");

        assertThat(deny.principalMatch(BOB, false)).isEqualTo(PrincipalMatch.NONE);
        assertThat(deny.principalMatch(SESSION, false)).isEqualTo(PrincipalMatch.NONE);
        assertThat(deny.principalMatch(ROOT, false)).isEqualTo(PrincipalMatch.NONE);
        assertThat(deny.principalMatch(Principal.user(ACCOUNT, "/", "alice", "AIDAA"), false))
                .isEqualTo(PrincipalMatch.ANYONE);
        assertThat(deny.principalMatch(ANONYMOUS, false)).isEqualTo(PrincipalMatch.ANYONE);
        assertThat(userOnly.principalMatch(BOB, false)).as("the account itself is not spared").isEqualTo(
                PrincipalMatch.ANYONE);
        assertThat(deny.principalMatch(BOB, true)).as("a principal with a permissions boundary is always denied")
                .isEqualTo(PrincipalMatch.ANYONE);
    }

    @Test
    void notPrincipalAllowAppliesToEveryoneElse() {
        Statement allow = statement("Allow", "NotPrincipal", "{\"AWS\": \"arn:aws:iam::000000000000:user/bob\"}");

        assertThat(allow.principalMatch(BOB, false)).isEqualTo(PrincipalMatch.NONE);
        assertThat(allow.principalMatch(ANONYMOUS, false)).isEqualTo(PrincipalMatch.ANYONE);
    }
}
