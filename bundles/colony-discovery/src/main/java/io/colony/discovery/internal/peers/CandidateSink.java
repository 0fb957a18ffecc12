package io.colony.discovery.internal.peers;

import java.util.Collection;

/** Where discovery sources report the nodes they find. Thread-safe. */
public interface CandidateSink {

    /** A node was found, or found again (same key: the report replaces the earlier one). */
    void discovered(Candidate candidate);

    /** The source no longer sees the node reported under this key. */
    void removed(String key);

    /** The source's whole current view: candidates of that source not in it are removed. */
    void replaceAll(String source, Collection<Candidate> candidates);
}
