/**
 * A small JSON tree on top of Jackson's streaming parser and generator (jackson-core, which every OpenSearch
 * node ships), for the two JSON documents align3d reads itself: glTF headers and the dataset manifest. A tree
 * of maps and lists is all they need, so jackson-databind (which the server does not ship and a plugin zip would
 * have to carry) is not used.
 */
package org.align3d.json;
