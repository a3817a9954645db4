/**
 * The offline trainer: trains the text and 3D encoders on text-3D pairs, calibrates training and HAF
 * attention with Monte Carlo Tree Search, evaluates, and writes the model bundles the plugin loads.
 *
 * <p>Status: the module is laid out; training arrives with the encoders issue.
 */
package org.align3d.trainer;
