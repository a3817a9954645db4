package org.align3d.synth.category;

import java.util.List;
import org.align3d.synth.Category;

/** Align3D-synth's categories, in the fixed order the generator cycles through (part of its output format). */
public final class Categories {

    public static final List<Category> ALL = List.of(
            new Chair(), new Table(), new Desk(), new Lamp(), new Bed(), new Sofa(), new Bench(), new Shelf(),
            new Cabinet(), new Door(), new Fence(),
            new Mug(), new Bottle(), new Vase(), new Bowl(),
            new Airplane(), new Helicopter(), new Rocket(), new Car(), new Truck(), new Bus(), new Boat(),
            new Bicycle(),
            new House(), new Tower(), new Bridge(),
            new Tree(), new Dog(), new Bird(), new Person(),
            new Cat(), new Horse(), new Cow(), new Pig(), new Elephant(), new Giraffe(),
            new Guitar(), new Fan(), new Umbrella(), new Hammer(),
            new Crate(), new Barrel(), new Television(), new Motorcycle(), new Train(), new PottedPlant());

    private Categories() {
    }
}
