package io.lsttracker.config;

import java.util.regex.Pattern;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Keys;

/** Parses contract addresses from configuration, checking the EIP-55 checksum of mixed-case ones. */
public final class Addresses {
    private static final Pattern HEX_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private Addresses() {
    }

    /**
     * @param key the configuration key the value came from, named in the error
     */
    public static Address parse(String key, Object value) {
        try {
            return parse(value);
        } catch (ConfigException e) {
            throw new ConfigException(key + ": " + e.getMessage());
        }
    }

    /** The address, or an error that says what is wrong with it (the caller names the key and where it is). */
    public static Address parse(Object value) {
        if (value instanceof Number) {
            throw new ConfigException("write the address in quotes (YAML reads an unquoted 0x... as a number)");
        }
        String text = value == null ? "" : value.toString().trim();
        if (!HEX_ADDRESS.matcher(text).matches()) {
            throw new ConfigException("'" + text + "' is not an address (0x followed by 40 hex digits)");
        }
        String digits = text.substring(2);
        boolean mixedCase = !digits.equals(digits.toLowerCase()) && !digits.equals(digits.toUpperCase());
        if (mixedCase && !Keys.toChecksumAddress(text).equals(text)) {
            throw new ConfigException("'" + text + "' fails its EIP-55 checksum (a mistyped digit?); "
                    + "the checksummed form of these digits is " + Keys.toChecksumAddress(text));
        }
        return new Address(text);
    }
}
