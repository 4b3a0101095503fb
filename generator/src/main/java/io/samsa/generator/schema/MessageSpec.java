package io.samsa.generator.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The schema of one request or response body: its API key, the versions it has, the first
 * flexible version (KIP-482) and the root struct. Declared once per API in
 * {@code io.samsa.generator.messages}; {@code MessageGenerator} turns it into the message class.
 * {@link #describe()} prints every field with its versions, for people looking for a name.
 * Immutable.
 */
public final class MessageSpec {

    private final String name;
    private final short apiKey;
    private final boolean request;
    private final short lowestVersion;
    private final short highestVersion;
    private final short flexibleFrom;
    private final StructSpec root;

    private MessageSpec(String name, short apiKey, boolean request, short lowestVersion, short highestVersion,
                        short flexibleFrom, StructSpec root) {
        this.name = name;
        this.apiKey = apiKey;
        this.request = request;
        this.lowestVersion = lowestVersion;
        this.highestVersion = highestVersion;
        this.flexibleFrom = flexibleFrom;
        this.root = root;
    }

    /** E.g. "ProduceRequest". */
    public String name() {
        return name;
    }

    public short apiKey() {
        return apiKey;
    }

    public boolean isRequest() {
        return request;
    }

    public StructSpec root() {
        return root;
    }

    public short lowestVersion() {
        return lowestVersion;
    }

    public short highestVersion() {
        return highestVersion;
    }

    public boolean hasVersion(int version) {
        return version >= lowestVersion && version <= highestVersion;
    }

    /** The first flexible version, or -1 if no version is flexible. */
    public short flexibleFrom() {
        return flexibleFrom;
    }

    /** Flexible encoding (compact lengths, tagged fields) at this version; also answers for versions past the range. */
    public boolean isFlexible(int version) {
        return flexibleFrom >= 0 && version >= flexibleFrom;
    }

    /** Every field, indented by nesting, with type, versions, nullability, tag, default and doc. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(name).append(" (api key ").append(apiKey).append(", versions ").append(lowestVersion)
            .append('-').append(highestVersion);
        sb.append(flexibleFrom >= 0 ? ", flexible from v" + flexibleFrom : ", never flexible").append(")\n");
        root.describe(sb, "  ");
        return sb.toString();
    }

    @Override
    public String toString() {
        return name + " v" + lowestVersion + "-" + highestVersion;
    }

    /** Collects the header of a message declaration; {@link #fields} finishes it. Not thread-safe. */
    public static final class Builder {
        private final int apiKey;
        private final String name;
        private final boolean request;
        private int lowest;
        private int highest;
        private int flexibleFrom = -1;

        Builder(int apiKey, String name, boolean request) {
            this.apiKey = apiKey;
            this.name = name;
            this.request = request;
        }

        public Builder versions(int lowestVersion, int highestVersion) {
            this.lowest = lowestVersion;
            this.highest = highestVersion;
            return this;
        }

        public Builder flexibleFrom(int version) {
            this.flexibleFrom = version;
            return this;
        }

        public MessageSpec fields(FieldBuilder... fields) {
            if (lowest > highest || lowest < 0) {
                throw new IllegalArgumentException(name + ": bad version range " + lowest + "-" + highest);
            }
            List<FieldSpec> specs = new ArrayList<>(fields.length);
            for (int i = 0; i < fields.length; i++) {
                specs.add(fields[i].build(i, lowest, highest, lowest, highest, flexibleFrom, name));
            }
            return new MessageSpec(name, (short) apiKey, request, (short) lowest, (short) highest,
                (short) flexibleFrom, new StructSpec(name, specs));
        }
    }
}
