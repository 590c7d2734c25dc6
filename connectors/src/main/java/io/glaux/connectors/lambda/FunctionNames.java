package io.glaux.connectors.lambda;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Function names as Lambda reads them: a bare name ({@code my-function}), a partial ARN
 * ({@code 123456789012:function:my-function}) or a full ARN
 * ({@code arn:aws:lambda:us-east-1:123456789012:function:my-function}), each optionally qualified
 * ({@code :$LATEST}). Glaux keeps one region and one account, and only {@code $LATEST}: an ARN of another region or
 * account, or another qualifier, names a function that does not exist here.
 */
public final class FunctionNames {

    /** A function's own name, as CreateFunction takes it: 1 to 64 letters, digits, hyphens or underscores. */
    public static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");

    private static final Pattern REFERENCE = Pattern.compile(
            "(?:arn:(?<partition>aws[a-zA-Z-]*)?:lambda:(?<region>[a-z0-9-]+):(?<account>\\d{12}):function:"
                    + "|(?:(?<shortRegion>[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d):)?(?:(?<shortAccount>\\d{12}):)?"
                    + "(?:function:)?)"
                    + "(?<name>[a-zA-Z0-9-_.]+)(?::(?<qualifier>[a-zA-Z0-9-_$.]+))?");

    private final String region;
    private final String account;

    public FunctionNames(String region, String account) {
        this.region = region;
        this.account = account;
    }

    public String region() {
        return region;
    }

    public String account() {
        return account;
    }

    /** {@code arn:aws:lambda:<region>:<account>:function:<name>}. */
    public String arn(String name) {
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + name;
    }

    /**
     * The name of the function {@code nameOrArn} refers to in Glaux's region and account.
     *
     * @throws LambdaException NOT_FOUND for anything else: another region, account or qualifier, or not a name
     */
    public String resolve(String nameOrArn) {
        Matcher matcher = nameOrArn == null ? null : REFERENCE.matcher(nameOrArn);
        if (matcher == null || !matcher.matches()) {
            throw LambdaException.notFound(String.valueOf(nameOrArn));
        }
        String name = matcher.group("name");
        String givenRegion = first(matcher.group("region"), matcher.group("shortRegion"));
        String givenAccount = first(matcher.group("account"), matcher.group("shortAccount"));
        String qualifier = matcher.group("qualifier");
        boolean here = (givenRegion == null || givenRegion.equals(region))
                && (givenAccount == null || givenAccount.equals(account))
                && (qualifier == null || qualifier.equals("$LATEST"))
                && NAME.matcher(name).matches();
        if (!here) {
            throw LambdaException.notFound("arn:aws:lambda:" + first(givenRegion, region) + ":"
                    + first(givenAccount, account) + ":function:" + name + (qualifier == null ? "" : ":" + qualifier));
        }
        return name;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
