package io.samsa.clients.admin;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The configuration of one resource: its entries by name. Immutable. */
public class Config {

    private final Map<String, ConfigEntry> entries = new LinkedHashMap<>();

    public Config(Collection<ConfigEntry> entries) {
        for (ConfigEntry e : entries) {
            this.entries.put(e.name(), e);
        }
    }

    public Collection<ConfigEntry> entries() {
        return Collections.unmodifiableCollection(entries.values());
    }

    /** The entry named {@code name}, or null. */
    public ConfigEntry get(String name) {
        return entries.get(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Config that && entries.equals(that.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "Config(entries=" + entries.values() + ")";
    }
}
