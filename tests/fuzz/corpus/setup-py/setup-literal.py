from setuptools import setup

# install_requires=["not-this"] in a comment is not read
setup(
    name="literal",
    license="BSD-3-Clause",
    install_requires=[
        "numpy",
        "torch>=2.2",  # the backend
    ],
    extras_require={"dev": ["pytest"], "gpu": ["triton"]},
)
