from setuptools import setup, find_packages

# The lists setup() is given by name, assigned once at the top level.
requirements = ["numpy>=1.20", "scipy"]  # not "requirements += [...]" here

extras_require = {
    'docs': ['sphinx'],
    'torch': [
        'torch==2.2.1', 'torchvision',
    ],
}


def version():
    return "1.0"


setup(name='named',
      version=version(),
      install_requires=requirements,
      extras_require=extras_require)
