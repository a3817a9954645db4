package org.align3d.synth;

import java.util.List;
import java.util.Map;
import org.align3d.mesh.Mesh;

/**
 * A kind of object the generator builds: its nouns, its attributes and how a design becomes geometry.
 * The first two attributes are the category's split pair: some combinations of their values are held out of
 * training (see {@link SplitPlan}), so they should be attributes a query names.
 */
public abstract class Category {

    private final String name;
    private final List<String> nouns;
    private final List<Attribute> attributes;

    protected Category(String name, List<String> nouns, Attribute... attributes) {
        this.name = name;
        this.nouns = List.copyOf(nouns);
        this.attributes = List.of(attributes);
        if (this.attributes.size() < 3) {
            throw new IllegalArgumentException(name + " needs at least three attributes (two form the split pair)");
        }
    }

    public String name() {
        return name;
    }

    /** Nouns for the category, the canonical one first ("sofa", "couch"). */
    public List<String> nouns() {
        return nouns;
    }

    public List<Attribute> attributes() {
        return attributes;
    }

    public Attribute attribute(String attributeName) {
        for (Attribute a : attributes) {
            if (a.name().equals(attributeName)) {
                return a;
            }
        }
        throw new IllegalArgumentException(name + " has no attribute " + attributeName);
    }

    /** A more specific noun phrase a design earns ("office chair" for a chair on a five-star base), or null. */
    public String subtype(Map<String, String> values) {
        return null;
    }

    /** Builds the geometry, tagging each primitive with its part. */
    protected abstract void build(Design design, ShapeBuilder shape);

    public Mesh mesh(Design design, String id) {
        ShapeBuilder shape = new ShapeBuilder();
        build(design, shape);
        return shape.build(id);
    }
}
