package io.samsa.generator.schema;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one message or nested struct, in wire order, with the tagged ones also sorted by
 * tag. Immutable.
 */
public final class StructSpec {

    private final String name;
    private final FieldSpec[] fields;
    private final FieldSpec[] taggedByTag;
    private final Map<String, FieldSpec> byName;

    StructSpec(String name, List<FieldSpec> fieldList) {
        this.name = name;
        this.fields = fieldList.toArray(new FieldSpec[0]);
        this.byName = new HashMap<>();
        for (FieldSpec f : fields) {
            if (byName.put(f.name(), f) != null) {
                throw new IllegalArgumentException("Duplicate field " + f.name() + " in " + name);
            }
        }
        this.taggedByTag = Arrays.stream(fields).filter(FieldSpec::isTagged)
            .sorted(Comparator.comparingInt(FieldSpec::tag)).toArray(FieldSpec[]::new);
        for (int i = 1; i < taggedByTag.length; i++) {
            if (taggedByTag[i].tag() == taggedByTag[i - 1].tag()) {
                throw new IllegalArgumentException("Duplicate tag " + taggedByTag[i].tag() + " in " + name);
            }
        }
    }

    public String name() {
        return name;
    }

    /** Every field, tagged or not, in declaration (wire) order. */
    public List<FieldSpec> fields() {
        return Collections.unmodifiableList(Arrays.asList(fields));
    }

    /** The field called {@code name}, or null. */
    public FieldSpec field(String fieldName) {
        return byName.get(fieldName);
    }

    /** The field called {@code name}; an unknown name is a programming error. */
    public FieldSpec require(String fieldName) {
        FieldSpec f = byName.get(fieldName);
        if (f == null) {
            throw new IllegalArgumentException("No field '" + fieldName + "' in " + name + "; fields: " + byName.keySet());
        }
        return f;
    }

    public FieldSpec[] fieldArray() {
        return fields;
    }

    public FieldSpec[] taggedByTag() {
        return taggedByTag;
    }

    /** The tagged field with this tag in this version, or null. */
    public FieldSpec taggedField(int tag, int version) {
        for (FieldSpec f : taggedByTag) {
            if (f.tag() == tag) {
                return f.presentIn(version) ? f : null;
            }
        }
        return null;
    }

    void describe(StringBuilder sb, String indent) {
        for (FieldSpec f : fields) {
            sb.append(indent).append(f.name()).append(": ").append(f.describeType());
            if (f.doc() != null && !f.doc().isEmpty()) {
                sb.append("  -- ").append(f.doc());
            }
            sb.append('\n');
            if (f.struct() != null) {
                f.struct().describe(sb, indent + "  ");
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
