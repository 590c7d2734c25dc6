package io.glaux.iam.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 CIDR block ({@code 203.0.113.0/24}, {@code 2001:db8::/32}) or one address, as the IpAddress and
 * NotIpAddress operators take them.
 */
final class IpRange {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final byte[] network;
    private final int prefix;

    private IpRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** The block written as {@code address[/prefix]}, or empty when it is not one. */
    static Optional<IpRange> parse(String text) {
        int slash = text.indexOf('/');
        Optional<byte[]> address = address(slash < 0 ? text : text.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int bits = address.get().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (prefix < 0 || prefix > bits) {
                return Optional.empty();
            }
        }
        return Optional.of(new IpRange(address.get(), prefix));
    }

    /** Whether {@code text} is an address inside this block (an address of the other family never is). */
    boolean contains(String text) {
        Optional<byte[]> address = address(text.trim());
        if (address.isEmpty() || address.get().length != network.length) {
            return false;
        }
        byte[] candidate = address.get();
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of an IP literal; never a name lookup. */
    private static Optional<byte[]> address(String text) {
        if (!LITERAL.matcher(text).matches() || (text.indexOf('.') < 0 && text.indexOf(':') < 0)) {
            return Optional.empty();
        }
        if (text.indexOf(':') < 0 && text.split("\\.", -1).length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
