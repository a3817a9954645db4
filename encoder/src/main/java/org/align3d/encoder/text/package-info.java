/**
 * The text side of align3d's encoders: the frozen pretrained language model (all-MiniLM-L6-v2 through ONNX
 * Runtime) that yields per-token states and a sentence embedding.
 */
package org.align3d.encoder.text;
