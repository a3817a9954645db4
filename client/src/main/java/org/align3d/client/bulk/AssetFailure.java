package org.align3d.client.bulk;

/**
 * An asset that was not indexed.
 *
 * @param id     its document id (the path in the catalog)
 * @param reason why, as the walker, the file system or the node said it
 */
public record AssetFailure(String id, String reason) {
}
