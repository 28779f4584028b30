package io.lsttracker.pool;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;

/**
 * The decoded outputs of one answered call, by their names in the ABI fragment (abi/*.json): Lido's
 * getBeaconStat() is read as depositedValidators, beaconValidators and beaconBalance, as lido-oracle reads
 * get_beacon_stat() into a BeaconStat, not as its outputs 0, 1 and 2.
 */
public final class Outputs {
    private final String label;
    private final List<Type> values;
    private final Map<String, Type> byName = new LinkedHashMap<>();

    Outputs(String label, List<String> names, List<Type> values) {
        this.label = label;
        this.values = List.copyOf(values);
        for (int i = 0; i < names.size() && i < values.size(); i++) {
            byName.put(names.get(i), values.get(i));
        }
    }

    /** The call these answer, for error messages: "LidoNodeOperatorsRegistry.getNodeOperator at 0x...". */
    public String label() {
        return label;
    }

    public BigInteger uint(String name) {
        return (BigInteger) named(name).getValue();
    }

    public Address address(String name) {
        return (Address) named(name);
    }

    public boolean bool(String name) {
        return (Boolean) named(name).getValue();
    }

    public String string(String name) {
        return (String) named(name).getValue();
    }

    BigInteger soleUint() {
        return (BigInteger) sole().getValue();
    }

    Address soleAddress() {
        return (Address) sole();
    }

    private Type sole() {
        if (values.size() != 1) {
            throw new IllegalStateException(label + " has " + values.size() + " outputs, not one");
        }
        return values.get(0);
    }

    private Type named(String name) {
        Type value = byName.get(name);
        if (value == null) {
            throw new IllegalStateException(label + " has no output named " + name + " (outputs " + byName.keySet() + ")");
        }
        return value;
    }
}
