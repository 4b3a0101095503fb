package io.samsa.common.config;

import java.util.ArrayList;
import java.util.List;

/** How a configuration string is parsed. Parsing errors name the key. */
public enum ConfigType {
    BOOLEAN, INT, SHORT, LONG, DOUBLE, STRING, LIST, PASSWORD;

    Object parse(String key, String raw) {
        String v = raw.trim();
        try {
            return switch (this) {
                case BOOLEAN -> {
                    if (v.equalsIgnoreCase("true")) {
                        yield Boolean.TRUE;
                    }
                    if (v.equalsIgnoreCase("false")) {
                        yield Boolean.FALSE;
                    }
                    throw new ConfigException(key, raw, "expected true or false");
                }
                case INT -> Integer.parseInt(v);
                case SHORT -> Short.parseShort(v);
                case LONG -> Long.parseLong(v);
                case DOUBLE -> Double.parseDouble(v);
                case STRING, PASSWORD -> v;
                case LIST -> {
                    List<String> out = new ArrayList<>();
                    if (!v.isEmpty()) {
                        for (String part : v.split(",")) {
                            String p = part.trim();
                            if (!p.isEmpty()) {
                                out.add(p);
                            }
                        }
                    }
                    yield List.copyOf(out);
                }
            };
        } catch (NumberFormatException e) {
            throw new ConfigException(key, raw, "expected " + name().toLowerCase() + " number");
        }
    }
}
