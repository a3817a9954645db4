/** align3d's REST endpoints under {@code _plugins/align3d}. */
package org.align3d.plugin.rest;
