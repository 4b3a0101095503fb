package io.samsa.clients.admin;

/** Options of {@link Admin#electLeaders(io.samsa.common.ElectionType, java.util.Set, ElectLeadersOptions)}. Not thread-safe. */
public class ElectLeadersOptions extends AbstractOptions<ElectLeadersOptions> {
}
