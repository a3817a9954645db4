package org.align3d.plugin.model;

import java.util.Collection;
import java.util.TreeSet;
import org.opensearch.OpenSearchException;
import org.opensearch.core.rest.RestStatus;

/** A request named a model id the node does not have. */
public final class UnknownModelException extends OpenSearchException {
    public UnknownModelException(String id, Collection<String> known) {
        super("unknown model [" + id + "]; this node has " + new TreeSet<>(known));
    }

    @Override
    public RestStatus status() {
        return RestStatus.NOT_FOUND;
    }
}
