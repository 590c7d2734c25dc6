package io.glaux.tags;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ARN of a taggable Athena resource: {@code arn:<partition>:athena:<region>:<account>:<type>/<name>} with type
 * {@code workgroup}, {@code datacatalog} or {@code capacity-reservation}. Any region and 12-digit account are
 * accepted: Glaux is one account in every region.
 */
public record AthenaArn(String partition, String region, String account, ResourceType type, String name) {

    /** The Athena resource types that carry tags. */
    public enum ResourceType {
        WORKGROUP("workgroup"), DATA_CATALOG("datacatalog"), CAPACITY_RESERVATION("capacity-reservation");

        private final String arnName;

        ResourceType(String arnName) {
            this.arnName = arnName;
        }

        public String arnName() {
            return arnName;
        }

        static ResourceType fromArnName(String arnName) {
            for (ResourceType type : values()) {
                if (type.arnName.equals(arnName)) {
                    return type;
                }
            }
            return null;
        }
    }

    static final String INVALID = "Provided ARN was invalid";

    private static final Pattern FORM = Pattern.compile(
            "arn:(aws(?:-[a-z]+)*):athena:([a-z0-9-]+):(\\d{12}):([a-z-]+)/(.+)");

    public AthenaArn {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    /** Reads an ARN; anything else is an INVALID_ARGUMENT error "Provided ARN was invalid", as Athena answers. */
    public static AthenaArn parse(String arn) {
        Matcher m = arn == null ? null : FORM.matcher(arn);
        if (m == null || !m.matches()) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, INVALID);
        }
        ResourceType type = ResourceType.fromArnName(m.group(4));
        if (type == null || m.group(5).contains("/")) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, INVALID);
        }
        return new AthenaArn(m.group(1), m.group(2), m.group(3), type, m.group(5));
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":athena:" + region + ":" + account + ":" + type.arnName() + "/" + name;
    }
}
